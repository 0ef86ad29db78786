using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerGrid.Application.Scenarios;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Ledger;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Auth;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Seed;

/// <summary>
/// First start on an empty database: the roles, the demo community (Seed/demo-community.json, a scenario file) and,
/// when Platform:SeedDemo is on, one prosumer login per demo household plus an operator login (README lists them).
/// Runs once: it does nothing when a community exists.
/// </summary>
internal sealed class DemoSeeder(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<PlatformOptions> options,
    TimeProvider clock)
{
    public const string DemoPassword = "PeerGrid-demo-2026";
    public const string OperatorEmail = "operator@peergrid.local";
    public const string OperatorPassword = "PeerGrid-operator-2026";

    /// <summary>Every demo household starts with this much in its wallet (currency units).</summary>
    public const long DemoCreditMicros = 50_000_000;

    public static string DemoEmail(int n) => $"demo{n:00}@peergrid.local";

    public async Task SeedAsync(CancellationToken cancel = default)
    {
        foreach (string role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (await db.Communities.AnyAsync(cancel))
        {
            return;
        }
        string json = ReadDemoJson();
        ScenarioFileResult loaded = ScenarioFiles.Parse(json, "demo-community.json", AppContext.BaseDirectory);
        if (!loaded.IsValid)
        {
            throw new InvalidDataException("the built-in demo community is invalid: " + string.Join("; ", loaded.Errors));
        }
        DateTimeOffset now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var community = new CommunityRecord
        {
            Name = loaded.Scenario!.Name,
            SettingsJson = SettingsOnly(json),
            EpochDate = options.Value.EpochDate ?? DateOnly.FromDateTime(now.UtcDateTime),
            ClockRunning = options.Value.ClockAutoStart,
            SecondsPerSlot = options.Value.SecondsPerSlot,
        };
        db.Communities.Add(community);
        await db.SaveChangesAsync(cancel);
        LedgerWriter.OpenSystemAccounts(db, community.Id);
        await db.SaveChangesAsync(cancel);

        if (options.Value.SeedDemo)
        {
            await SeedDemoAsync(community, loaded.Scenario, now, cancel);
        }
        await tx.CommitAsync(cancel);
    }

    private async Task SeedDemoAsync(CommunityRecord community, Scenario scenario, DateTimeOffset now, CancellationToken cancel)
    {
        var op = new PlatformUser { UserName = OperatorEmail, Email = OperatorEmail, DisplayName = "Community operator" };
        Check(await users.CreateAsync(op, OperatorPassword));
        Check(await users.AddToRoleAsync(op, Roles.Operator));
        long payments = await LedgerWriter.SystemAccountIdAsync(db, community.Id, AccountKinds.Payments, cancel);
        int n = 0;
        foreach (Household h in scenario.Households)
        {
            n++;
            string email = DemoEmail(n);
            var user = new PlatformUser { UserName = email, Email = email, DisplayName = $"Demo {n:00} ({h.Id})" };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, Roles.Prosumer));
            HouseholdRecord record = await Households.CreateAsync(db, community.Id, user.Id, h.Id, cancel);
            record.BaseLoadAnnualKwh = h.BaseLoad?.AnnualKwh ?? 0;
            record.MaxImportKw = h.MaxImportKw;
            record.MaxExportKw = h.MaxExportKw;
            record.Cell = h.Cell;
            record.PreferencesJson = DeviceJson.Write(h.Preferences);
            record.DistanceKm = 0.15 * n;
            foreach (Appliance a in h.Appliances)
            {
                db.Appliances.Add(new ApplianceRecord { HouseholdId = record.Id, Name = a.Name, IsOn = a.IsOn, SpecJson = DeviceJson.Write(a) });
            }
            foreach (Generator g in h.Generators)
            {
                db.Generators.Add(new GeneratorRecord { HouseholdId = record.Id, Name = g.Name, IsOn = g.IsOn, Type = TypeOf(g), SpecJson = DeviceJson.Write(g) });
            }
            foreach (Battery b in h.Batteries)
            {
                db.Batteries.Add(new BatteryRecord { HouseholdId = record.Id, Name = b.Name, IsOn = b.IsOn, SpecJson = DeviceJson.Write(b) });
            }
            await db.SaveChangesAsync(cancel);
            long wallet = await db.Accounts.Where(a => a.HouseholdId == record.Id).Select(a => a.Id).SingleAsync(cancel);
            await LedgerWriter.TryTransferAsync(db, community.Id, payments, wallet, DemoCreditMicros, "topup", "demo credit", now, await SlotClock.NextUnsettledAsync(db, community.Id, cancel), cancel);
        }
    }

    public static string TypeOf(Generator g) => g switch
    {
        SolarPv => "solar-pv",
        WindTurbine => "wind",
        DispatchableGenerator => "dispatchable",
        _ => "profile",
    };

    /// <summary>The scenario without what the platform supplies itself: households, templates, start and horizon.</summary>
    public static string SettingsOnly(string scenarioJson)
    {
        JsonObject root = JsonNode.Parse(scenarioJson)!.AsObject();
        foreach (string key in new[] { "households", "templates", "start", "horizon", "name", "$schema" })
        {
            root.Remove(key);
        }
        return root.ToJsonString();
    }

    private static string ReadDemoJson()
    {
        using Stream stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("demo-community.json")
            ?? throw new InvalidOperationException("the demo community resource is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("seeding the demo logins failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
