using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Ledger;

/// <summary>The stored answer of an idempotent operation: HTTP status and JSON body.</summary>
public sealed record StoredResponse(int StatusCode, string Json, bool Replayed);

/// <summary>
/// Runs a money operation at most once per (user, Idempotency-Key). The key's row is inserted first, in the same
/// transaction as the money, so a concurrent request with the same key waits on the unique key (PostgreSQL) or the
/// write lock (SQLite) and then finds the first answer. The same key with a different request is a conflict.
/// </summary>
public static class IdempotentMoney
{
    /// <summary>Answered when the key was used for a different request.</summary>
    public const int KeyReusedStatus = 422;

    public static string Hash(string operation, string canonicalRequest) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + canonicalRequest)));

    /// <summary>
    /// Returns the stored answer for (user, key) when there is one, else runs <paramref name="operation"/> inside a
    /// transaction and stores its answer with it. <paramref name="operation"/> must only write through
    /// <paramref name="db"/> and return the answer; if it throws, nothing is written.
    /// </summary>
    public static async Task<StoredResponse> RunAsync(
        PlatformDbContext db,
        string userId,
        string key,
        string operationName,
        string requestHash,
        DateTimeOffset now,
        Func<CancellationToken, Task<(int Status, string Json)>> operation,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(operation);
        for (int attempt = 0; ; attempt++)
        {
            StoredResponse? earlier = await FindAsync(db, userId, key, operationName, requestHash, cancel);
            if (earlier is not null)
            {
                return earlier;
            }
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancel);
                var record = new IdempotencyRecord
                {
                    UserId = userId,
                    Key = key,
                    Operation = operationName,
                    RequestHash = requestHash,
                    StatusCode = 0,
                    CreatedUtc = now,
                };
                db.IdempotencyKeys.Add(record);
                await db.SaveChangesAsync(cancel);
                (int status, string json) = await operation(cancel);
                record.StatusCode = status;
                record.ResponseJson = json;
                await db.SaveChangesAsync(cancel);
                await tx.CommitAsync(cancel);
                return new StoredResponse(status, json, Replayed: false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request with the same key committed first: forget our attempt and answer with its result.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<StoredResponse?> FindAsync(PlatformDbContext db, string userId, string key, string operationName, string requestHash, CancellationToken cancel)
    {
        IdempotencyRecord? found = await db.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancel);
        if (found is null)
        {
            return null;
        }
        if (found.Operation != operationName || found.RequestHash != requestHash)
        {
            return new StoredResponse(KeyReusedStatus, "", Replayed: true);
        }
        return new StoredResponse(found.StatusCode, found.ResponseJson, Replayed: true);
    }
}
