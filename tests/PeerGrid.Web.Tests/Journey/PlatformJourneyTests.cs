using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Journey;

/// <summary>
/// The "done when", through the API only: a new user registers, adds devices, tops up, buys directly from a
/// trader, and sees trades and money move as the clock runs.
/// </summary>
public sealed class PlatformJourneyTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ANewUser_BuysFromATrader_AndSeesTradesAndMoneyMoveAsTheClockRuns(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true, new Dictionary<string, string?> { ["Platform:EpochDate"] = "2026-06-01" });
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient ada = await app.RegisterAsync();

        // Devices: a fridge and a kettle from templates, a roof PV that is switched off for now.
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync("/api/me/appliances", new { template = "fridge" }), 201);
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync("/api/me/appliances", new { template = "kettle" }), 201);
        HttpResponseMessage pv = await ada.Http.PostAsJsonAsync("/api/me/generators", new { type = "solar-pv", name = "Roof", peakKw = 4 });
        await Expect.StatusAsync(pv, 201);
        long pvId = (await pv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync($"/api/me/generators/{pvId}/switch", new { isOn = false }), 200);

        // Money in.
        var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount = 20 }) };
        topUp.Headers.Add("Idempotency-Key", "journey-topup");
        await Expect.StatusAsync(await ada.Http.SendAsync(topUp), 201);

        // Buy directly from a solar trader.
        JsonElement traders = await ada.Http.GetFromJsonAsync<JsonElement>("/api/traders");
        JsonElement seller = traders.EnumerateArray().First(t => t.GetProperty("energyTypes").EnumerateArray().Any(e => e.GetString() == "solar"));
        long sellerId = seller.GetProperty("householdId").GetInt64();
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync("/api/me/contracts", new { sellerHouseholdId = sellerId, kwhPerSlot = 0.1, pricePerKwh = 0.2 }), 201);
        decimal sellerBefore = await BalanceOfAsync(op, sellerId);

        // The clock runs to the afternoon.
        for (int s = 0; s < 60; s++)
        {
            await OperatorClient.StepAsync(op);
        }

        JsonElement readings = await ada.Http.GetFromJsonAsync<JsonElement>("/api/me/readings");
        Assert.Equal(60, readings.GetProperty("readings").GetArrayLength());
        Assert.All(readings.GetProperty("readings").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("generationKwh").GetDouble()));

        JsonElement tx = await ada.Http.GetFromJsonAsync<JsonElement>("/api/me/transactions?pageSize=500");
        var contractTrades = tx.GetProperty("trades").GetProperty("items").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "contract").ToList();
        Assert.NotEmpty(contractTrades);
        Assert.All(contractTrades, t =>
        {
            Assert.Equal(sellerId, t.GetProperty("counterpartyHouseholdId").GetInt64());
            Assert.Equal(0.2m, t.GetProperty("pricePerKwh").GetDecimal());
            Assert.True(t.GetProperty("energyKwh").GetDouble() <= 0.1 + 1e-9);
        });

        // Every cent Ada paid is in her transfers, and her wallet shows what is left.
        decimal paid = -tx.GetProperty("transfers").GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() is not ("topup" or "withdrawal")).Sum(t => t.GetProperty("amount").GetDecimal());
        JsonElement wallet = await ada.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.True(paid > 0);
        Assert.Equal(20m - paid, wallet.GetProperty("balance").GetDecimal());
        // The seller was paid at least what Ada paid for the contract energy (through the market account, ADR 0005).
        decimal contractMoney = contractTrades.Sum(t => -t.GetProperty("amount").GetDecimal());
        long sellerIncomeMicros = await app.WithDbAsync(async db =>
        {
            long wallet = await db.Accounts.Where(a => a.HouseholdId == sellerId).Select(a => a.Id).SingleAsync();
            long platform = await db.Accounts.Where(a => a.Kind == "platform").Select(a => a.Id).SingleAsync();
            return await db.Transfers.Where(t => t.FromAccountId == platform && t.ToAccountId == wallet).SumAsync(t => t.AmountMicros);
        });
        Assert.True(sellerIncomeMicros / 1_000_000m >= contractMoney, $"seller received {sellerIncomeMicros} µ, contracts {contractMoney}");
        Assert.NotEqual(sellerBefore, await BalanceOfAsync(op, sellerId));
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Fact]
    public async Task OpenOrders_AreFilledOrExpired_WhenTheirSlotSettles_AndCancelledOnesAreLeftAlone()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, new Dictionary<string, string?> { ["Platform:EpochDate"] = "2026-06-01" });
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient ada = await app.RegisterAsync();
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync("/api/me/appliances", new { template = "kettle" }), 201);
        var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount = 30 }) };
        topUp.Headers.Add("Idempotency-Key", "fund");
        await Expect.StatusAsync(await ada.Http.SendAsync(topUp), 201);
        HttpResponseMessage bid = await ada.Http.PostAsJsonAsync("/api/me/orders", new { side = "bid", slot = 48, energyKwh = 0.01, limitPrice = 0.3 });
        await Expect.StatusAsync(bid, 201);
        HttpResponseMessage other = await ada.Http.PostAsJsonAsync("/api/me/orders", new { side = "bid", slot = 49, energyKwh = 0.5, limitPrice = 0.3 });
        long otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Expect.StatusAsync(await ada.Http.PostAsync($"/api/me/orders/{otherId}/cancel", null), 200);
        for (int s = 0; s < 50; s++)
        {
            await OperatorClient.StepAsync(op);
        }
        JsonElement orders = await ada.Http.GetFromJsonAsync<JsonElement>("/api/me/orders");
        var statuses = orders.EnumerateArray().ToDictionary(o => o.GetProperty("slot").GetInt64(), o => o.GetProperty("status").GetString());
        Assert.True(statuses[48] is "filled" or "expired", $"slot 48 order is {statuses[48]}");
        // The bid's energy caps what Ada buys in the market in its slot; the grid supplies the rest of her need.
        (double bought48, double bought47) = await app.WithDbAsync(async db =>
            (await db.Readings.Where(r => r.HouseholdId == ada.HouseholdId && r.Slot == 48).Select(r => r.P2PBoughtKwh).SingleAsync(),
             await db.Readings.Where(r => r.HouseholdId == ada.HouseholdId && r.Slot == 47).Select(r => r.P2PBoughtKwh).SingleAsync()));
        Assert.True(bought48 <= 0.01 + 1e-9, $"bought {bought48} kWh against a 0.01 kWh bid");
        Assert.True(bought47 > 0.01, $"without an order Ada buys her whole need ({bought47} kWh) in the market");
        Assert.Equal("cancelled", statuses[49]);
        await LedgerChecks.AssertBalancedAsync(app);
    }

    private static async Task<decimal> BalanceOfAsync(HttpClient op, long householdId)
    {
        JsonElement users = await op.GetFromJsonAsync<JsonElement>("/api/operator/users?pageSize=500");
        return users.GetProperty("users").EnumerateArray()
            .Single(u => u.GetProperty("householdId").ValueKind == JsonValueKind.Number && u.GetProperty("householdId").GetInt64() == householdId)
            .GetProperty("balance").GetDecimal();
    }
}
