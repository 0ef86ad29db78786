using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Transactions;

public sealed class TransactionsApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task TopUpAsync(UserClient user, decimal amount, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount, reference = "card, \"1234\"" }) };
        request.Headers.Add("Idempotency-Key", key);
        await Expect.StatusAsync(await user.Http.SendAsync(request), 201);
    }

    /// <summary>Trades the clock would write: slots 0…n−1, the buyer buying 0.5 kWh at 0.2 from the seller (contract) or the market.</summary>
    private static Task<int> AddTradesAsync(PlatformApp app, long buyer, long? seller, int n, string kind) => app.WithDbAsync(db =>
    {
        long community = db.Communities.OrderBy(c => c.Id).Select(c => c.Id).First();
        for (int s = 0; s < n; s++)
        {
            db.Trades.Add(new TradeRecord { CommunityId = community, Slot = s, Kind = kind, BuyerHouseholdId = buyer, SellerHouseholdId = seller, EnergyMicroKwh = 500_000, PriceMicrosPerKwh = 200_000, AmountMicros = 100_000 });
        }
        return db.SaveChangesAsync();
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Transactions_ListMyTransfersAndTrades_SignedFromMyPointOfView_WithPaging(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        for (int i = 0; i < 5; i++)
        {
            await TopUpAsync(buyer, 1 + i, $"t{i}");
        }
        await TopUpAsync(seller, 9, "s");
        await AddTradesAsync(app, buyer.HouseholdId, seller.HouseholdId, 7, "contract");
        await AddTradesAsync(app, buyer.HouseholdId, null, 3, "market");

        JsonElement page1 = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/transactions?pageSize=2", null, 200);
        Assert.Equal(5, page1.GetProperty("transfers").GetProperty("total").GetInt32());
        JsonElement[] transfers = [.. page1.GetProperty("transfers").GetProperty("items").EnumerateArray()];
        Assert.Equal(2, transfers.Length);
        Assert.Equal(5m, transfers[0].GetProperty("amount").GetDecimal()); // newest first, + into my wallet
        Assert.Equal("payments", transfers[0].GetProperty("counterpartyAccountKind").GetString());
        Assert.Equal("topup", transfers[0].GetProperty("kind").GetString());
        Assert.Equal(10, page1.GetProperty("trades").GetProperty("total").GetInt32());

        JsonElement page3 = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/transactions?pageSize=2&page=3", null, 200);
        Assert.Equal(1m, Assert.Single(page3.GetProperty("transfers").GetProperty("items").EnumerateArray()).GetProperty("amount").GetDecimal());

        JsonElement market = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/transactions?kind=market&fromSlot=1&toSlot=2", null, 200);
        JsonElement[] marketTrades = [.. market.GetProperty("trades").GetProperty("items").EnumerateArray()];
        Assert.Equal([2L, 1L], marketTrades.Select(t => t.GetProperty("slot").GetInt64()));
        Assert.All(marketTrades, t =>
        {
            Assert.Equal("market", t.GetProperty("counterparty").GetString());
            Assert.Equal("buy", t.GetProperty("side").GetString());
            Assert.Equal(-0.1m, t.GetProperty("amount").GetDecimal());
            Assert.Equal(0.5, t.GetProperty("energyKwh").GetDouble());
        });
        Assert.Equal(0, market.GetProperty("transfers").GetProperty("total").GetInt32()); // the top-ups were made while slot 0 was next

        JsonElement sellers = await Api.ExpectAsync(seller.Http, HttpMethod.Get, "/api/me/transactions?kind=contract", null, 200);
        JsonElement sold = sellers.GetProperty("trades").GetProperty("items")[0];
        Assert.Equal(7, sellers.GetProperty("trades").GetProperty("total").GetInt32());
        Assert.Equal("sell", sold.GetProperty("side").GetString());
        Assert.Equal(0.1m, sold.GetProperty("amount").GetDecimal());
        Assert.Equal(buyer.HouseholdId, sold.GetProperty("counterpartyHouseholdId").GetInt64());
        Assert.Equal(1, (await Api.ExpectAsync(seller.Http, HttpMethod.Get, "/api/me/transactions", null, 200)).GetProperty("transfers").GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheCsvDownload_HoldsEveryMatchingRow_InInvariantCulture(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        await TopUpAsync(buyer, 12.5m, "t");
        await AddTradesAsync(app, buyer.HouseholdId, seller.HouseholdId, 3, "contract");
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            foreach (string path in new[] { "/api/me/transactions.csv", "/api/me/transactions?format=csv&pageSize=1" })
            {
                HttpResponseMessage answer = await buyer.Http.GetAsync(path);
                await Expect.StatusAsync(answer, 200);
                Assert.Equal("text/csv", answer.Content.Headers.ContentType!.MediaType);
                Assert.Equal("attachment", answer.Content.Headers.ContentDisposition?.DispositionType ?? answer.Headers.GetValues("Content-Disposition").First().Split(';')[0]);
                string[] lines = (await answer.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.StartsWith("record,id,slot,kind,side,amount,energyKwh,pricePerKwh", lines[0], StringComparison.Ordinal);
                Assert.Equal(1 + 1 + 3, lines.Length);
                Assert.Contains(lines, l => l.StartsWith("transfer,", StringComparison.Ordinal) && l.Contains(",12.5,", StringComparison.Ordinal) && l.Contains("\"card, \"\"1234\"\"\"", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.StartsWith("trade,", StringComparison.Ordinal) && l.Contains(",-0.1,0.5,0.2,household,", StringComparison.Ordinal));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("fromSlot=-1", "fromSlot")]
    [InlineData("toSlot=1.5", "toSlot")]
    [InlineData("fromSlot=5&toSlot=4", "toSlot")]
    [InlineData("kind=drop%20table", "kind")]
    [InlineData("format=xml", "format")]
    public async Task BadFilters_Answer400NamingTheParameter(string query, string parameter)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Get, "/api/me/transactions?" + query, null), parameter);
    }
}
