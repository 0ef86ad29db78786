using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Orders;

public sealed class OrdersApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Orders_CreateListGetCancel(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        await MarketData.SettleSlotsAsync(app, 0, 4);

        HttpResponseMessage created = await Api.SendAsync(user.Http, HttpMethod.Post, "/api/me/orders", """{"side": "bid", "slot": 5, "energyKwh": 1.5, "limitPrice": 0.22}""");
        await Expect.StatusAsync(created, 201);
        JsonElement bid = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        long id = bid.GetProperty("id").GetInt64();
        Assert.Equal($"/api/me/orders/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("open", bid.GetProperty("status").GetString());
        Assert.Equal(0.22m, bid.GetProperty("limitPrice").GetDecimal());
        await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/orders", """{"side": "offer", "slot": 7, "energyKwh": 2, "limitPrice": -0.05}""", 201);
        Assert.Equal(-50_000, await app.WithDbAsync(db => db.Orders.Where(o => o.Side == "offer").Select(o => o.LimitPriceMicrosPerKwh).SingleAsync()));

        JsonElement all = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/orders", null, 200);
        Assert.Equal([5L, 7L], all.EnumerateArray().Select(o => o.GetProperty("slot").GetInt64()));
        await Api.ExpectAsync(user.Http, HttpMethod.Get, $"/api/me/orders/{id}", null, 200);

        JsonElement cancelled = await Api.ExpectAsync(user.Http, HttpMethod.Post, $"/api/me/orders/{id}/cancel", null, 200);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        await Api.ExpectAsync(user.Http, HttpMethod.Post, $"/api/me/orders/{id}/cancel", null, 409);
        JsonElement open = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/orders?status=open", null, 200);
        Assert.Equal(7, Assert.Single(open.EnumerateArray()).GetProperty("slot").GetInt64());
    }

    [Fact]
    public async Task AnOrderWhoseSlotWasSettled_CannotBeCancelled()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        JsonElement order = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/orders", """{"side": "offer", "slot": 0, "energyKwh": 1, "limitPrice": 0.1}""", 201);
        await MarketData.SettleSlotsAsync(app, 0, 0);
        await Api.ExpectAsync(user.Http, HttpMethod.Post, $"/api/me/orders/{order.GetProperty("id").GetInt64()}/cancel", null, 409);
        Assert.Equal(OrderStatus.Open, await app.WithDbAsync(db => db.Orders.Select(o => o.Status).SingleAsync()));
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"slot": 20, "energyKwh": 1, "limitPrice": 0.2}""", "side" },
        { """{"side": "bdi", "slot": 20, "energyKwh": 1, "limitPrice": 0.2}""", "side" },
        { """{"side": "bid", "energyKwh": 1, "limitPrice": 0.2}""", "slot" },
        { """{"side": "bid", "slot": 9, "energyKwh": 1, "limitPrice": 0.2}""", "slot" },
        { """{"side": "bid", "slot": 1e15, "energyKwh": 1, "limitPrice": 0.2}""", "slot" },
        { """{"side": "bid", "slot": 999999, "energyKwh": 1, "limitPrice": 0.2}""", "slot" },
        { """{"side": "bid", "slot": 20, "energyKwh": 0, "limitPrice": 0.2}""", "energyKwh" },
        { """{"side": "bid", "slot": 20, "energyKwh": 101, "limitPrice": 0.2}""", "energyKwh" },
        { """{"side": "bid", "slot": 20, "energyKwh": -2, "limitPrice": 0.2}""", "energyKwh" },
        { """{"side": "bid", "slot": 20, "energyKwh": Infinity, "limitPrice": 0.2}""", "(body)" },
        { """{"side": "bid", "slot": 20, "energyKwh": 1}""", "limitPrice" },
        { """{"side": "bid", "slot": 20, "energyKwh": 1, "limitPrice": 10.5}""", "limitPrice" },
        { """{"side": "bid", "slot": 20, "energyKwh": 1, "limitPrice": -11}""", "limitPrice" },
        { """{"side": "bid", "slot": 20, "energyKwh": 1, "limitPrice": 0.2, "status": "filled"}""", "status" },
        { """{"side": "bid", "slot": 20, "energyKwh": 1, "limitPrice": 0.2, "householdId": 1}""", "householdId" },
        { """{"side": "<long>", "slot": 20, "energyKwh": 1, "limitPrice": 0.2}""", "side" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task BadOrders_Answer400NamingTheField_AndWriteNothing(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        await MarketData.SettleSlotsAsync(app, 0, 9);
        body = body.Replace("<long>", new string('b', 5000), StringComparison.Ordinal);
        HttpResponseMessage answer = await Api.SendAsync(user.Http, HttpMethod.Post, "/api/me/orders", body);
        await Api.AssertFieldErrorAsync(answer, field);
        if (body.Contains("bdi", StringComparison.Ordinal))
        {
            Assert.Contains("did you mean 'bid'", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task AnUnknownStatusFilter_Answers400NamingIt()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Get, "/api/me/orders?status=opened", null), "status");
    }
}
