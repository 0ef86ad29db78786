using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Clock;
using PeerGrid.Web.Components.Pages.Devices;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Readings;

/// <summary>Every settled slot meters each appliance and generator on its own; the rows add up to the household's reading.</summary>
public sealed class DeviceReadingsTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeviceRows_AddUpToEachHouseholdsReading_AndTheEventCarriesThem(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true);
        MarketClock clock = app.Services.GetRequiredService<MarketClock>();
        using SlotEvents.Subscription feed = app.Services.GetRequiredService<SlotEvents>().Subscribe();
        await using IAsyncEnumerator<SettledSlot> events = feed.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        long community = await app.WithDbAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        // Midnight to 13:00: night and day, so PV is metered at 0 and above.
        const int Slots = 52;
        for (int s = 0; s < Slots; s++)
        {
            Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
            Assert.True(await events.MoveNextAsync());
            SettledSlot slot = events.Current;
            List<DeviceReadingRecord> stored = await app.WithDbAsync(db => db.DeviceReadings.AsNoTracking().Where(r => r.Slot == slot.Slot).ToListAsync());
            Assert.Equal(stored.Count, slot.Updates!.Values.Sum(u => u.Devices.Count));
            Assert.All(slot.Updates.Values.SelectMany(u => u.Devices), d => Assert.Contains(stored, r => r.HouseholdId == d.HouseholdId && r.Kind == d.Kind && r.DeviceId == d.DeviceId && r.EnergyKwh == d.EnergyKwh));
        }

        await app.WithDbAsync(async db =>
        {
            Dictionary<long, HouseholdRecord> households = await db.Households.AsNoTracking().ToDictionaryAsync(h => h.Id);
            Dictionary<long, bool> applianceOwners = (await db.Appliances.AsNoTracking().ToListAsync()).ToDictionary(a => a.Id, a => true);
            List<MeterReadingRecord> readings = await db.Readings.AsNoTracking().ToListAsync();
            ILookup<(long, long), DeviceReadingRecord> devices = (await db.DeviceReadings.AsNoTracking().ToListAsync()).ToLookup(d => (d.HouseholdId, d.Slot));
            Assert.Equal(Slots * households.Count, readings.Count);
            foreach (MeterReadingRecord r in readings)
            {
                DeviceReadingRecord[] mine = [.. devices[(r.HouseholdId, r.Slot)]];
                Assert.All(mine, d => Assert.True(d.EnergyKwh > 0));
                double appliances = mine.Where(d => d.Kind == DeviceKinds.Appliance).Sum(d => d.EnergyKwh);
                double generators = mine.Where(d => d.Kind == DeviceKinds.Generator).Sum(d => d.EnergyKwh);
                Assert.Equal(r.GenerationKwh, generators, Tolerance);
                Assert.True(appliances <= r.LoadKwh + Tolerance, $"household {r.HouseholdId} slot {r.Slot}: appliances {appliances} > load {r.LoadKwh}");
                if (households[r.HouseholdId].BaseLoadAnnualKwh == 0)
                {
                    Assert.Equal(r.LoadKwh, appliances, Tolerance);
                }
            }
            Assert.Contains(readings, r => r.GenerationKwh > 0);
            Assert.Contains(devices.SelectMany(g => g), d => d.Kind == DeviceKinds.Appliance);
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ASwitchedOffAppliance_IsMeteredAtNothing_AndOnlyTheOwnerSeesItsReadings(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        MarketClock clock = app.Services.GetRequiredService<MarketClock>();
        UserClient user = await app.RegisterAsync();
        UserClient other = await app.RegisterAsync();
        long community = await app.WithDbAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        // Always on at 0.5 kW: 0.125 kWh in every 15-minute slot.
        JsonElement heater = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/appliances",
            """{"name": "Heater", "kind": "heater", "ratedPowerKw": 0.5, "usage": {"type": "always-on", "dutyCycle": 1}}""", 201);
        long id = heater.GetProperty("id").GetInt64();
        for (int s = 0; s < 2; s++)
        {
            Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
        }
        await Api.ExpectAsync(user.Http, HttpMethod.Post, $"/api/me/appliances/{id}/switch", """{"isOn": false}""", 200);
        for (int s = 0; s < 2; s++)
        {
            Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
        }

        JsonElement readings = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/device-readings?fromSlot=0&toSlot=3", null, 200);
        JsonElement[] rows = [.. readings.GetProperty("readings").EnumerateArray()];
        Assert.Equal([0L, 1L], rows.Select(r => r.GetProperty("slot").GetInt64()));
        Assert.All(rows, r =>
        {
            Assert.Equal("appliance", r.GetProperty("kind").GetString());
            Assert.Equal(id, r.GetProperty("deviceId").GetInt64());
            Assert.Equal(0.125, r.GetProperty("energyKwh").GetDouble(), Tolerance);
        });

        // What the device page shows: today's energy per device from the same rows.
        HouseholdMeter meter = await app.WithDbAsync(db => HouseholdMeter.LoadAsync(db, user.HouseholdId, CancellationToken.None));
        DeviceEnergy heaterEnergy = meter.Of(DeviceKinds.Appliance, id);
        Assert.Equal(0, heaterEnergy.LastSlotKwh);
        Assert.Equal(0.25, heaterEnergy.TodayKwh, Tolerance);
        Assert.Equal(0.25, heaterEnergy.WeekKwh, Tolerance);
        // The rest of the household's meter is its base load (a registered household has the default one).
        Assert.Equal(meter.TodayLoadKwh - 0.25, meter.Other.TodayKwh, Tolerance);
        Assert.Equal(meter.Other.TodayKwh, meter.Other.WeekKwh, Tolerance);
        Assert.Equal("0.00 kW", meter.Power(meter.Of(DeviceKinds.Appliance, id).LastSlotKwh));

        JsonElement theirs = await Api.ExpectAsync(other.Http, HttpMethod.Get, "/api/me/device-readings?fromSlot=0&toSlot=3", null, 200);
        Assert.Empty(theirs.GetProperty("readings").EnumerateArray());
        HttpResponseMessage bad = await Api.SendAsync(user.Http, HttpMethod.Get, "/api/me/device-readings?fromSlot=5&toSlot=2", null);
        await Api.AssertFieldErrorAsync(bad, "toSlot");
    }
}
