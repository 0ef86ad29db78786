using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Clock;

public sealed class PreferredTraderTests
{
    [Fact]
    public async Task UnderPreferenceFirst_APreferredTrader_ServesTheBuyerBeforeAnyoneElse()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, new Dictionary<string, string?> { ["Platform:EpochDate"] = "2026-06-01" });
        HttpClient op = await OperatorClient.LoginAsync(app);
        await Expect.StatusAsync(await op.PutAsJsonAsync("/api/operator/market", new { mechanism = "preference-first" }), 200);
        UserClient ada = await app.RegisterAsync();
        await Expect.StatusAsync(await ada.Http.PostAsJsonAsync("/api/me/appliances", new { template = "kettle" }), 201);
        var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount = 30 }) };
        topUp.Headers.Add("Idempotency-Key", "fund");
        await Expect.StatusAsync(await ada.Http.SendAsync(topUp), 201); // an empty wallet buys nothing
        long seller = await app.WithDbAsync(db => db.Generators.Where(g => g.Type == "solar-pv").Select(g => g.HouseholdId).MinAsync());
        HttpResponseMessage added = await ada.Http.PutAsync($"/api/me/preferred-traders/{seller}", null);
        Assert.True((int)added.StatusCode is 200 or 201, await added.Content.ReadAsStringAsync());

        for (int s = 0; s < 64; s++)
        {
            await OperatorClient.StepAsync(op);
        }

        List<TradeRecord> trades = await app.WithDbAsync(db => db.Trades.Where(t => t.Kind == "market").ToListAsync());
        int checkedSlots = 0;
        foreach (IGrouping<long, TradeRecord> slot in trades.GroupBy(t => t.Slot))
        {
            long adaBought = slot.Where(t => t.BuyerHouseholdId == ada.HouseholdId).Sum(t => t.EnergyMicroKwh);
            long sellerSold = slot.Where(t => t.SellerHouseholdId == seller).Sum(t => t.EnergyMicroKwh);
            long adaFromSeller = slot.Where(t => t.BuyerHouseholdId == ada.HouseholdId && t.SellerHouseholdId == seller).Sum(t => t.EnergyMicroKwh);
            if (adaBought > 0 && sellerSold > 0)
            {
                checkedSlots++;
                Assert.Equal(Math.Min(adaBought, sellerSold), adaFromSeller);
            }
        }
        Assert.True(checkedSlots > 0, $"no slot where both the buyer bought and the preferred seller sold; {trades.Count} trades, {trades.Count(t => t.SellerHouseholdId == null)} from the pool, {trades.Count(t => t.BuyerHouseholdId == ada.HouseholdId)} to the buyer, {trades.Count(t => t.SellerHouseholdId == seller)} from the seller {seller}");
    }
}
