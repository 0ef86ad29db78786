using System.Text.Json;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Traders;

public sealed class TradersApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Traders_AreOtherHouseholdsWithGenerationOrStorage_SortedByAskingPrice(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient solar = await app.RegisterAsync();
        UserClient storage = await app.RegisterAsync();
        UserClient nothing = await app.RegisterAsync();
        UserClient buyer = await app.RegisterAsync();
        await Api.ExpectAsync(solar.Http, HttpMethod.Post, "/api/me/generators", """{"type": "solar-pv", "peakKw": 5}""", 201);
        await Api.ExpectAsync(solar.Http, HttpMethod.Put, "/api/me/preferences", """{"minSellPrice": 0.12}""", 200);
        await Api.ExpectAsync(storage.Http, HttpMethod.Post, "/api/me/batteries", """{"capacityKwh": 8}""", 201);
        await Api.ExpectAsync(buyer.Http, HttpMethod.Post, "/api/me/generators", """{"type": "wind", "ratedKw": 2}""", 201);

        JsonElement traders = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/traders", null, 200);
        JsonElement[] list = [.. traders.EnumerateArray()];
        Assert.Equal([storage.HouseholdId, solar.HouseholdId], list.Select(t => t.GetProperty("householdId").GetInt64()));

        // The battery-only seller asks the community's grid export price (the demo tariff's 0.08).
        Assert.Equal(0.08m, list[0].GetProperty("askingPricePerKwh").GetDecimal());
        Assert.Equal("tariff", list[0].GetProperty("askingPriceSource").GetString());
        Assert.False(list[0].GetProperty("green").GetBoolean());
        Assert.True(list[0].GetProperty("hasBattery").GetBoolean());

        JsonElement pv = list[1];
        Assert.Equal(0.12m, pv.GetProperty("askingPricePerKwh").GetDecimal());
        Assert.Equal("preferences", pv.GetProperty("askingPriceSource").GetString());
        Assert.Equal(["solar"], pv.GetProperty("energyTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.True(pv.GetProperty("green").GetBoolean());
        // Estimated: 5 kWp × 0.11 × 24 h − 1,500 kWh / 365 days.
        Assert.Equal(Math.Round(5 * 0.11 * 24 - 1500.0 / 365, 3), pv.GetProperty("expectedSurplusKwhPerDay").GetDouble(), 6);
        Assert.Equal("estimated", pv.GetProperty("surplusBasis").GetString());
        Assert.DoesNotContain(list, t => t.GetProperty("householdId").GetInt64() == nothing.HouseholdId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExpectedSurplus_IsMetered_OnceSlotsAreSettled(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient seller = await app.RegisterAsync();
        UserClient buyer = await app.RegisterAsync();
        await Api.ExpectAsync(seller.Http, HttpMethod.Post, "/api/me/generators", """{"type": "solar-pv", "peakKw": 5}""", 201);
        await MarketData.SettleSlotsAsync(app, 0, 9);
        await app.WithDbAsync(db =>
        {
            for (long s = 0; s < 10; s++)
            {
                db.Readings.Add(new MeterReadingRecord { HouseholdId = seller.HouseholdId, Slot = s, GridExportKwh = 0.5, P2PSoldKwh = 0.25 });
            }
            return db.SaveChangesAsync();
        });
        JsonElement trader = (await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/traders", null, 200)).EnumerateArray().Single();
        // 7.5 kWh over 10 slots of 15 minutes, scaled to the 96 slots of a day.
        Assert.Equal(72, trader.GetProperty("expectedSurplusKwhPerDay").GetDouble(), 6);
        Assert.Equal("metered", trader.GetProperty("surplusBasis").GetString());
    }

    [Fact]
    public async Task Traders_NeedAProsumerLogin()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await Expect.StatusAsync(await app.Anonymous().GetAsync("/api/traders"), 401);
    }
}
