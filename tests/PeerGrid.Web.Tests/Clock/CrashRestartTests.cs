using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Clock;

/// <summary>
/// Kill the platform (SIGKILL) while it is inside a slot's settlement transaction, restart it, and the ledger, meter
/// readings, trades and battery states end up exactly as in an uninterrupted run of the same seed.
/// </summary>
public sealed class CrashRestartTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const long HangAt = 5;
    private const long StopAt = 11;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KillingTheProcessDuringSettlement_ThenRestarting_MatchesAnUninterruptedRun(string provider)
    {
        await using TestDatabase crashed = await TestDatabases.CreateAsync(provider);
        await using TestDatabase clean = await TestDatabases.CreateAsync(provider);

        using (PlatformProcess p = PlatformProcess.Start(crashed, new Dictionary<string, string> { ["Clock__HangBeforeCommitAtSlot"] = $"{HangAt}" }))
        {
            await p.WaitForLineAsync($"hanging-before-commit 1 {HangAt}");
            p.Kill();
        }
        await using (PlatformDbContext db = PlatformProcess.OpenDb(crashed))
        {
            // Slot 5's writes were all made but never committed: nothing of it is there.
            Assert.Equal(HangAt, await db.SettledSlots.CountAsync());
            Assert.False(await db.Readings.AnyAsync(r => r.Slot == HangAt));
            Assert.False(await db.Transfers.AnyAsync(t => t.Slot == HangAt));
        }

        using (PlatformProcess p = PlatformProcess.Start(crashed, new Dictionary<string, string> { ["Clock__StopAfterSlot"] = $"{StopAt}" }))
        {
            await p.WaitForLineAsync($"settled 1 {StopAt}");
            p.Kill();
        }
        using (PlatformProcess p = PlatformProcess.Start(clean, new Dictionary<string, string> { ["Clock__StopAfterSlot"] = $"{StopAt}" }))
        {
            await p.WaitForLineAsync($"settled 1 {StopAt}");
            p.Kill();
        }

        Snapshot a = await Snapshot.TakeAsync(crashed), b = await Snapshot.TakeAsync(clean);
        Assert.Equal(StopAt + 1, a.Slots.Count);
        Assert.Equal(b.Slots, a.Slots);
        Assert.Equal(b.Readings, a.Readings);
        Assert.Equal(b.Trades, a.Trades);
        Assert.Equal(b.Transfers, a.Transfers);
        Assert.Equal(b.Balances, a.Balances);
        Assert.Equal(b.Batteries, a.Batteries);
        Assert.Equal(0, a.Balances.Sum(x => x.Balance));
        Assert.NotEmpty(a.Transfers);
    }

    private sealed record Snapshot(List<string> Slots, List<string> Readings, List<string> Trades, List<string> Transfers, List<(string Account, long Balance)> Balances, List<string> Batteries)
    {
        public static async Task<Snapshot> TakeAsync(TestDatabase database)
        {
            await using PlatformDbContext db = PlatformProcess.OpenDb(database);
            var slots = (await db.SettledSlots.OrderBy(s => s.Slot).ToListAsync())
                .Select(s => $"{s.Slot} {s.StartUtc:O} {s.ClearingPriceMicrosPerKwh} {s.P2PKwh:R} {s.GridImportKwh:R} {s.GridExportKwh:R} {s.LoadKwh:R} {s.GenerationKwh:R}").ToList();
            var readings = (await db.Readings.OrderBy(r => r.Slot).ThenBy(r => r.HouseholdId).ToListAsync())
                .Select(r => $"{r.HouseholdId} {r.Slot} {r.LoadKwh:R} {r.GenerationKwh:R} {r.BatteryChargeKwh:R} {r.BatteryDischargeKwh:R} {r.BatteryStoredKwh:R} {r.GridImportKwh:R} {r.GridExportKwh:R} {r.P2PBoughtKwh:R} {r.P2PSoldKwh:R} {r.CurtailedKwh:R} {r.UnmetKwh:R} {r.PaidMicros}").ToList();
            var trades = (await db.Trades.OrderBy(t => t.Id).ToListAsync())
                .Select(t => $"{t.Slot} {t.Kind} {t.ContractId} {t.BuyerHouseholdId} {t.SellerHouseholdId} {t.EnergyMicroKwh} {t.PriceMicrosPerKwh} {t.AmountMicros}").ToList();
            // The clock's transfers: top-ups (the demo credit) carry a slot too, but a wall-clock time of their own.
            var transfers = (await db.Transfers.Where(t => t.Kind != "topup" && t.Kind != "withdrawal").OrderBy(t => t.Id).ToListAsync())
                .Select(t => $"{t.Slot} {t.FromAccountId} {t.ToAccountId} {t.AmountMicros} {t.Kind} {t.Reference} {t.CreatedUtc:O}").ToList();
            var balances = (await db.Accounts.OrderBy(a => a.Id).ToListAsync()).Select(a => ($"{a.Kind} {a.HouseholdId}", a.BalanceMicros)).ToList();
            var batteries = (await db.Households.OrderBy(h => h.Id).ToListAsync()).Select(h => $"{h.Id} {h.BatteryStoredKwh:R} {h.BatteryLocalKwh:R}").ToList();
            return new Snapshot(slots, readings, trades, transfers, balances, batteries);
        }
    }
}
