using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Clock;
using PeerGrid.Web.Operator;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Operators;

/// <summary>The commands the operator's API and pages share, on every provider.</summary>
public sealed class OperatorCommandsTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StepStartAndPause_ChangeTheClock_AndTheViewFollows(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);
        MarketClock clock = app.Services.GetRequiredService<MarketClock>();

        // A step settles the next slot while the clock is paused.
        long first = (await app.WithDbAsync(db => ClockCommands.StepAsync(db, clock, CancellationToken.None)))!.Slot;
        long second = (await app.WithDbAsync(db => ClockCommands.StepAsync(db, clock, CancellationToken.None)))!.Slot;
        ClockView view = await app.WithDbAsync(db => ClockCommands.ViewAsync(db, CancellationToken.None));
        Assert.False(view.Running);
        Assert.Equal(first + 1, second);
        Assert.Equal(second, view.LastSettledSlot);
        Assert.Equal(second + 1, view.NextSlot);

        ClockView started = await app.WithDbAsync(db => ClockCommands.SetRunningAsync(db, clock, true, CancellationToken.None));
        Assert.True(started.Running);
        ClockView paused = await app.WithDbAsync(db => ClockCommands.SetRunningAsync(db, clock, false, CancellationToken.None));
        Assert.False(paused.Running);
        Assert.False(await app.WithDbAsync(db => db.Communities.Select(c => c.ClockRunning).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetSpeed_SavesAValueInRange_AndRefusesOneOutsideWritingNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);

        CommandResult<ClockView> ok = await app.WithDbAsync(db => ClockCommands.SetSpeedAsync(db, 2.5, CancellationToken.None));
        Assert.True(ok.Succeeded);
        Assert.Equal(2.5, ok.Value!.SecondsPerSlot);

        foreach (double bad in new[] { 0, 0.01, 3601, double.NaN })
        {
            CommandResult<ClockView> refused = await app.WithDbAsync(db => ClockCommands.SetSpeedAsync(db, bad, CancellationToken.None));
            Assert.Equal("secondsPerSlot", Assert.Single(refused.Errors.All).Path);
        }
        Assert.Equal(2.5, await app.WithDbAsync(db => db.Communities.Select(c => c.SecondsPerSlot).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReplaceMarket_SavesWithAConfigVersionBump_AndABadValueIsRefusedNamingTheField(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);
        long before = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).SingleAsync());

        CommandResult<JsonNode> saved = await app.WithDbAsync(db => SettingsCommands.ReplaceSectionAsync(db, SettingsCommands.Market,
            Body(new { mechanism = "pay-as-bid", platformFeePerKwh = 0.01m }), CancellationToken.None));
        Assert.True(saved.Succeeded);
        JsonObject market = await app.WithDbAsync(db => SettingsCommands.SectionAsync(db, SettingsCommands.Market, CancellationToken.None));
        Assert.Equal("pay-as-bid", market["mechanism"]!.GetValue<string>());
        Assert.Equal(0.01m, market["platformFeePerKwh"]!.GetValue<decimal>());
        long after = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).SingleAsync());
        Assert.True(after > before);

        string stored = await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson).SingleAsync());
        CommandResult<JsonNode> refused = await app.WithDbAsync(db => SettingsCommands.ReplaceSectionAsync(db, SettingsCommands.Market,
            Body(new { mechanism = "pay-as-clear", k = 2, platformFeePerKwh = 20 }), CancellationToken.None));
        Assert.Equal(["k", "platformFeePerKwh"], refused.Errors.All.Select(e => e.Path).Order());
        Assert.Equal(stored, await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson).SingleAsync()));
        Assert.Equal(after, await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReplaceTariff_KeepsTimeOfUsePeriods_AndRefusesExportAboveImport(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);
        var tariff = new { import = new { price = 0.30m, periods = new[] { new { days = "weekday", from = "17:00", to = "20:00", price = 0.45m } } }, export = 0.07m };

        Assert.True((await app.WithDbAsync(db => SettingsCommands.ReplaceSectionAsync(db, SettingsCommands.Tariff, Body(tariff), CancellationToken.None))).Succeeded);
        JsonObject stored = await app.WithDbAsync(db => SettingsCommands.SectionAsync(db, SettingsCommands.Tariff, CancellationToken.None));
        Assert.Equal("20:00", stored["import"]!["periods"]![0]!["to"]!.GetValue<string>());
        Assert.Equal(0.07m, stored["export"]!.GetValue<decimal>());

        CommandResult<JsonNode> refused = await app.WithDbAsync(db => SettingsCommands.ReplaceSectionAsync(db, SettingsCommands.Tariff,
            Body(new { import = 0.30m, export = 0.35m }), CancellationToken.None));
        Assert.Equal("export", Assert.Single(refused.Errors.All).Path);
        Assert.Equal(0.07m, (await app.WithDbAsync(db => SettingsCommands.SectionAsync(db, SettingsCommands.Tariff, CancellationToken.None)))["export"]!.GetValue<decimal>());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheUsersPage_IsOrderedByEmail_WithBalancesAndLockouts(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        await app.RegisterAsync("b-user@example.org");
        await app.RegisterAsync("a-user@example.org");
        await app.RegisterAsync("c-user@example.org");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using (IServiceScope scope = app.Services.CreateScope())
        {
            UserManager<PlatformUser> users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            PlatformUser locked = (await users.FindByEmailAsync("c-user@example.org"))!;
            Assert.True((await users.SetLockoutEndDateAsync(locked, now.AddMinutes(10))).Succeeded);
        }

        UsersPage first = await app.WithDbAsync(db => UserQueries.PageAsync(db, now, 1, 2, null, CancellationToken.None));
        UsersPage second = await app.WithDbAsync(db => UserQueries.PageAsync(db, now, 2, 2, null, CancellationToken.None));

        Assert.Equal(3, first.Total);
        Assert.Equal(["a-user@example.org", "b-user@example.org"], first.Users.Select(u => u.Email));
        UserRow c = Assert.Single(second.Users);
        Assert.Equal("c-user@example.org", c.Email);
        Assert.True(c.LockedOut);
        Assert.False(first.Users[0].LockedOut);
        Assert.Equal(0m, c.Balance);
        Assert.NotNull(c.HouseholdId);
        Assert.Equal([Roles.Prosumer], c.Roles);
        // A lockout that has ended no longer shows.
        UsersPage later = await app.WithDbAsync(db => UserQueries.PageAsync(db, now.AddMinutes(11), 2, 2, null, CancellationToken.None));
        Assert.False(Assert.Single(later.Users).LockedOut);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheCommunitySummaries_CountHouseholds_AndReadTheMechanismZoneAndSlotLength(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);
        long demoId = await app.WithDbAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        int demoHouseholds = await app.WithDbAsync(db => db.Households.CountAsync());
        // A second community with one household of its own and a market of its own.
        await app.WithDbAsync(async db =>
        {
            var other = new CommunityRecord
            {
                Name = "Hilltop",
                SettingsJson = """{"timeZone": "Europe/Lisbon", "slotMinutes": 30, "market": {"mechanism": "pay-as-bid"}}""",
                EpochDate = new DateOnly(2026, 1, 1),
            };
            db.Communities.Add(other);
            await db.SaveChangesAsync();
            db.Households.Add(new HouseholdRecord { CommunityId = other.Id, Name = "Hill house" });
            return await db.SaveChangesAsync();
        });

        List<CommunitySummary> all = await app.WithDbAsync(db => CommunitySummary.LoadAllAsync(db, CancellationToken.None));

        Assert.Equal(2, all.Count);
        CommunitySummary demo = all[0], hill = all[1];
        Assert.Equal(demoId, demo.Id);
        Assert.Equal("Europe/Berlin", demo.TimeZone);
        Assert.Equal(15, demo.SlotMinutes);
        Assert.Equal(demoHouseholds, demo.Households);
        Assert.False(demo.Clock.Running);
        Assert.Equal(("Hilltop", "pay-as-bid", "Europe/Lisbon", 30, 1), (hill.Name, hill.Mechanism, hill.TimeZone, hill.SlotMinutes, hill.Households));
        Assert.Null(hill.Clock.LastSettledSlot);
    }

    private static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value);
}
