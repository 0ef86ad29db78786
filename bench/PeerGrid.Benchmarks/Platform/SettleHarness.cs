using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Application.Platform;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Ledger;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// `settle [--households N] [--slots K] [--provider sqlite|postgresql] [--connection CS]`: builds a community of N
/// households (a mix of the built-in templates, funded wallets, pay-as-clear) in a fresh database and settles K slots
/// from midday, each in its own transaction with every write (readings, device readings, trades, transfers, balances, batteries), and
/// prints the wall time per slot. For PostgreSQL, --connection names an existing empty database.
/// </summary>
internal static class SettleHarness
{
    private const string Settings = """
        { "seed": 7, "timeZone": "Europe/Berlin", "slotMinutes": 15, "currency": "EUR", "location": "berlin",
          "tariff": { "import": 0.32, "export": 0.08 }, "gridEmissionsKgPerKwh": 0.38,
          "market": { "mechanism": "pay-as-clear" } }
        """;

    private static readonly string[] Templates = ["consumer", "pv-home", "pv-battery-home", "consumer", "pv-home", "wind-home"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        int households = Option(args, "--households", 1000);
        int slots = Option(args, "--slots", 20);
        string provider = OptionText(args, "--provider") ?? DatabaseProviders.Sqlite;
        string? folder = null;
        string connection;
        if (provider == DatabaseProviders.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "peergrid-settle-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            connection = OptionText(args, "--connection") ?? throw new ArgumentException("--connection is required for postgresql");
        }
        try
        {
            await using PlatformDbContext db = PersistenceServices.Open(provider, connection);
            await db.Database.MigrateAsync();
            var clock = Stopwatch.StartNew();
            long community = await SeedAsync(db, households);
            output.WriteLine($"seeded {households} households in {clock.Elapsed.TotalSeconds:F1} s ({provider})");

            var settler = new SlotSettler(new LiveSlotRunner(), new CommunityModelCache());
            // Start at midday so PV households trade (the busiest slots): settle the night quickly, unmeasured.
            var times = new List<double>();
            for (int s = 0; s < 48 + slots; s++)
            {
                db.ChangeTracker.Clear();
                long t0 = Stopwatch.GetTimestamp();
                SettledSlot settled = await settler.SettleNextAsync(db, community) ?? throw new InvalidOperationException("nothing settled");
                double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (s >= 48)
                {
                    times.Add(ms);
                    output.WriteLine($"slot {settled.Slot}: {ms:F0} ms, {settled.Trades} trades, P2P {settled.P2PKwh:F2} kWh");
                }
            }
            long readings = await db.Readings.LongCountAsync();
            long transfers = await db.Transfers.LongCountAsync();
            long devices = await db.DeviceReadings.LongCountAsync();
            times.Sort();
            output.WriteLine($"settle {households} households × {slots} slots ({provider}): mean {times.Average():F0} ms, median {times[times.Count / 2]:F0} ms, " +
                $"max {times[^1]:F0} ms per slot; {readings} readings, {devices} device readings, {transfers} transfers in the database");
            return 0;
        }
        finally
        {
            if (folder is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<long> SeedAsync(PlatformDbContext db, int count)
    {
        var c = new CommunityRecord { Name = "settle-bench", SettingsJson = Settings, EpochDate = new DateOnly(2026, 6, 1) };
        db.Communities.Add(c);
        await db.SaveChangesAsync();
        LedgerWriter.OpenSystemAccounts(db, c.Id);
        await db.SaveChangesAsync();
        LedgerAccountRecord payments = await db.Accounts.SingleAsync(a => a.CommunityId == c.Id && a.Kind == AccountKinds.Payments);
        const long funds = 100_000_000;
        for (int i = 0; i < count; i++)
        {
            Household h = HouseholdTemplates.Get(Templates[i % Templates.Length], "x");
            var record = new HouseholdRecord
            {
                CommunityId = c.Id,
                Name = $"bench {i}",
                BaseLoadAnnualKwh = h.BaseLoad?.AnnualKwh ?? 0,
                PreferencesJson = DeviceJson.Write(h.Preferences),
            };
            db.Households.Add(record);
            await db.SaveChangesAsync();
            db.Appliances.AddRange(h.Appliances.Select(a => new ApplianceRecord { HouseholdId = record.Id, Name = a.Name, IsOn = a.IsOn, SpecJson = DeviceJson.Write(a) }));
            db.Generators.AddRange(h.Generators.Select(g => new GeneratorRecord { HouseholdId = record.Id, Name = g.Name, IsOn = g.IsOn, Type = "g", SpecJson = DeviceJson.Write(g) }));
            db.Batteries.AddRange(h.Batteries.Select(b => new BatteryRecord { HouseholdId = record.Id, Name = b.Name, IsOn = b.IsOn, SpecJson = DeviceJson.Write(b) }));
            var wallet = new LedgerAccountRecord { CommunityId = c.Id, Kind = AccountKinds.Household, HouseholdId = record.Id, BalanceMicros = funds };
            db.Accounts.Add(wallet);
            await db.SaveChangesAsync();
            db.Transfers.Add(new LedgerTransferRecord { CommunityId = c.Id, FromAccountId = payments.Id, ToAccountId = wallet.Id, AmountMicros = funds, Kind = "topup", CreatedUtc = DateTimeOffset.UnixEpoch });
            payments.BalanceMicros -= funds;
        }
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
