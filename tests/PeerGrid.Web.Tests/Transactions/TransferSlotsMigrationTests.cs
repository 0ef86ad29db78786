using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Ledger;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Transactions;

/// <summary>The TransferSlots migration gives older top-ups and withdrawals their slot on the simulated clock.</summary>
public sealed class TransferSlotsMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OlderTopUpsAndWithdrawals_GetOnePastTheLastClockSlotBeforeThem(string provider)
    {
        await using TestDatabase database = await TestDatabases.CreateAsync(provider);
        await using PlatformDbContext db = PlatformProcess.OpenDb(database);
        List<string> migrations = [.. db.Database.GetMigrations()];
        string last = migrations[^1];
        Assert.EndsWith("_TransferSlots", last, StringComparison.Ordinal);
        IMigrator migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[^2]);

        // Two communities, each with transfers in id order: (kind, slot); null is how top-ups were stored before.
        (string Kind, long? Slot)[] rows = [("topup", null), ("grid-import", 3), ("grid-import", 5), ("topup", null), ("withdrawal", null), ("grid-fee", 6), ("topup", null)];
        List<long> ids = [];
        foreach (string name in (string[])["A", "B"])
        {
            var community = new CommunityRecord { Name = name };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            LedgerWriter.OpenSystemAccounts(db, community.Id);
            await db.SaveChangesAsync();
            long[] accounts = await db.Accounts.Where(a => a.CommunityId == community.Id).OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync();
            // Community B's rows interleave with nothing of A's: its own clock counts from its own transfers.
            foreach ((string kind, long? slot) in name == "A" ? rows : rows[..1])
            {
                var t = new LedgerTransferRecord { CommunityId = community.Id, FromAccountId = accounts[0], ToAccountId = accounts[1], AmountMicros = 1, Kind = kind, Slot = slot, CreatedUtc = DateTimeOffset.UnixEpoch };
                db.Transfers.Add(t);
                await db.SaveChangesAsync();
                ids.Add(t.Id);
            }
        }

        await migrator.MigrateAsync(last);

        db.ChangeTracker.Clear();
        List<long?> slots = [];
        foreach (long id in ids)
        {
            slots.Add(await db.Transfers.AsNoTracking().Where(t => t.Id == id).Select(t => t.Slot).SingleAsync());
        }
        Assert.Equal([0L, 3L, 5L, 6L, 6L, 6L, 7L, 0L], slots);
    }
}
