using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Ledger;

/// <summary>
/// Moves money between two ledger accounts, inside the caller's transaction. The debit is one conditional UPDATE
/// ("take the amount only if the balance stays within the credit limit"), so there is no read-check-write race: on
/// PostgreSQL the row lock re-evaluates the condition after a concurrent commit, on SQLite writers are serialised.
/// </summary>
public static class LedgerWriter
{
    /// <summary>The largest single movement accepted (1 billion currency units), far from overflow in any sum.</summary>
    public const long MaxAmountMicros = 1_000_000_000L * 1_000_000L;

    /// <summary>
    /// Debits <paramref name="fromAccountId"/> and credits <paramref name="toAccountId"/> by
    /// <paramref name="amountMicros"/> (&gt; 0) and records the transfer; returns its id. Returns null, having changed
    /// nothing, when the debit would take the account below its credit limit. Call inside a transaction.
    /// </summary>
    public static async Task<long?> TryTransferAsync(
        PlatformDbContext db,
        long communityId,
        long fromAccountId,
        long toAccountId,
        long amountMicros,
        string kind,
        string? reference,
        DateTimeOffset now,
        long? slot = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMicros);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amountMicros, MaxAmountMicros);
        if (fromAccountId == toAccountId)
        {
            throw new ArgumentException("a transfer needs two different accounts", nameof(toAccountId));
        }
        int debited = await db.Accounts
            .Where(a => a.Id == fromAccountId && a.BalanceMicros - amountMicros >= -a.CreditLimitMicros)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMicros, a => a.BalanceMicros - amountMicros), cancel);
        if (debited == 0)
        {
            return null;
        }
        int credited = await db.Accounts
            .Where(a => a.Id == toAccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMicros, a => a.BalanceMicros + amountMicros), cancel);
        if (credited != 1)
        {
            throw new InvalidOperationException($"ledger account {toAccountId} does not exist");
        }
        var transfer = new LedgerTransferRecord
        {
            CommunityId = communityId,
            FromAccountId = fromAccountId,
            ToAccountId = toAccountId,
            AmountMicros = amountMicros,
            Kind = kind,
            Reference = reference,
            Slot = slot,
            CreatedUtc = now,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(cancel);
        return transfer.Id;
    }

    /// <summary>The id of a community's system account of <paramref name="kind"/>.</summary>
    public static Task<long> SystemAccountIdAsync(PlatformDbContext db, long communityId, string kind, CancellationToken cancel = default) =>
        db.Accounts.Where(a => a.CommunityId == communityId && a.Kind == kind && a.HouseholdId == null)
            .Select(a => a.Id).SingleAsync(cancel);

    /// <summary>Opens the system accounts of a new community (unlimited: they stand for parties outside the platform).</summary>
    public static void OpenSystemAccounts(PlatformDbContext db, long communityId)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (string kind in AccountKinds.System)
        {
            db.Accounts.Add(new LedgerAccountRecord { CommunityId = communityId, Kind = kind, CreditLimitMicros = long.MaxValue });
        }
    }
}
