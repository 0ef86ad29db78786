using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Ledger;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Transactions;

/// <summary>
/// Transactions on one time axis, the platform's simulated clock, and with names instead of ids: a top-up counts in
/// the slot that was next to settle, both lists sort by slot, every entry carries its slot's local start, and the
/// other party shows by the name the community sees (never an e-mail address) or by its role.
/// </summary>
public sealed class TransactionTimesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATopUp_CountsInTheSlotNextToSettle_AndSortsAmongTheClocksTransfers(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        await MarketData.SettleSlotsAsync(app, 0, 3);
        await TopUpAsync(buyer, 10m, "late");
        // Written after the top-up (a larger id) but for an earlier slot: the clock's payment for slot 2.
        (DateOnly epoch, string settings) = await app.WithDbAsync(async db =>
        {
            CommunityRecord c = await db.Communities.OrderBy(x => x.Id).FirstAsync();
            long wallet = await db.Accounts.Where(a => a.HouseholdId == buyer.HouseholdId).Select(a => a.Id).SingleAsync();
            long platform = await LedgerWriter.SystemAccountIdAsync(db, c.Id, AccountKinds.Platform);
            db.Transfers.Add(new LedgerTransferRecord { CommunityId = c.Id, FromAccountId = wallet, ToAccountId = platform, Kind = "p2p-energy", Slot = 2, AmountMicros = 250_000, CreatedUtc = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
            return (c.EpochDate, c.SettingsJson);
        });

        JsonElement page = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/transactions", null, 200);
        JsonElement[] items = [.. page.GetProperty("transfers").GetProperty("items").EnumerateArray()];

        Assert.Equal(["topup", "p2p-energy"], items.Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal([4L, 2L], items.Select(t => t.GetProperty("slot").GetInt64()));
        Assert.Equal(["payment provider", "platform"], items.Select(t => t.GetProperty("counterpartyName").GetString()));
        int slotMinutes = JsonDocument.Parse(settings).RootElement.TryGetProperty("slotMinutes", out JsonElement m) ? m.GetInt32() : 15;
        DateTime slot4 = epoch.ToDateTime(TimeOnly.MinValue).AddMinutes(4 * slotMinutes);
        Assert.Equal(slot4, items[0].GetProperty("localTime").GetDateTime());
        Assert.False(string.IsNullOrEmpty(page.GetProperty("timeZone").GetString()));
        // The slot range selects the top-up by its slot.
        JsonElement slot4Only = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/transactions?fromSlot=4&toSlot=4", null, 200);
        Assert.Equal("topup", Assert.Single(slot4Only.GetProperty("transfers").GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Counterparties_ShowThePublicNameOrTheMarketPool_NeverAnEmail(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        await SetDisplayNameAsync(app, seller.Email, "Sunny Seller");
        await app.WithDbAsync(async db =>
        {
            long community = await db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            db.Trades.Add(new TradeRecord { CommunityId = community, Slot = 1, Kind = "contract", BuyerHouseholdId = buyer.HouseholdId, SellerHouseholdId = seller.HouseholdId, EnergyMicroKwh = 500_000, PriceMicrosPerKwh = 200_000, AmountMicros = 100_000 });
            db.Trades.Add(new TradeRecord { CommunityId = community, Slot = 0, Kind = "market", BuyerHouseholdId = buyer.HouseholdId, EnergyMicroKwh = 500_000, PriceMicrosPerKwh = 200_000, AmountMicros = 100_000 });
            return await db.SaveChangesAsync();
        });

        HttpResponseMessage answer = await buyer.Http.GetAsync("/api/me/transactions");
        string body = await answer.Content.ReadAsStringAsync();
        JsonElement[] trades = [.. JsonDocument.Parse(body).RootElement.GetProperty("trades").GetProperty("items").EnumerateArray()];

        Assert.Equal(["Sunny Seller", "market pool"], trades.Select(t => t.GetProperty("counterpartyName").GetString()));
        Assert.Equal(["household", "market"], trades.Select(t => t.GetProperty("counterparty").GetString()));
        Assert.DoesNotContain(seller.Email, body, StringComparison.OrdinalIgnoreCase);
        // The seller sees the buyer by the name registration gave them, not by their address.
        string theirs = await seller.Http.GetStringAsync("/api/me/transactions.csv");
        Assert.DoesNotContain(buyer.Email, theirs, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(",counterpartyName,localTime", theirs.Split("\r\n")[0], StringComparison.Ordinal);
    }

    private static async Task TopUpAsync(UserClient user, decimal amount, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount }) };
        request.Headers.Add("Idempotency-Key", key);
        await Expect.StatusAsync(await user.Http.SendAsync(request), 201);
    }

    private static async Task SetDisplayNameAsync(PlatformApp app, string email, string name)
    {
        using IServiceScope scope = app.Services.CreateScope();
        UserManager<PlatformUser> users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        PlatformUser user = (await users.FindByEmailAsync(email))!;
        user.DisplayName = name;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
