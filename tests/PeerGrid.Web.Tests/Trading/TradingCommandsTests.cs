using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Contracts;
using PeerGrid.Web.MyHousehold;
using PeerGrid.Web.Tests.Infrastructure;
using PeerGrid.Web.Transactions;

namespace PeerGrid.Web.Tests.Trading;

/// <summary>
/// The code the trading pages share with the API, called as the pages call it (a user, a fresh DbContext, parsed
/// values): contracts and preferred traders, preferences, and the transactions query's filters.
/// </summary>
public sealed class TradingCommandsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<ClaimsPrincipal> UserAsync(PlatformApp app, UserClient client)
    {
        string id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync());
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
    }

    private static async Task<T> InScopeAsync<T>(PlatformApp app, Func<PlatformDbContext, Task<T>> run)
    {
        using IServiceScope scope = app.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Contracts_CreateFromThePage_CancelOnlyMine_AndABadBodyWritesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        UserClient stranger = await app.RegisterAsync();
        ClaimsPrincipal me = await UserAsync(app, buyer);
        await MarketData.SettleSlotsAsync(app, 0, 3);
        long version = await Api.ConfigVersionAsync(app);

        CommandResult<ContractView> bad = await InScopeAsync(app, db => ContractCommands.CreateAsync(db, me, TimeProvider.System,
            Json($$"""{"sellerHouseholdId": {{seller.HouseholdId}}, "kwhPerSlot": 0, "pricePerKwh": 0.2}"""), CancellationToken.None));
        Assert.Equal(CommandOutcome.Invalid, bad.Outcome);
        Assert.Contains(bad.Errors!.All, e => e.Path.TrimStart('.') == "kwhPerSlot");
        Assert.Equal(0, await app.WithDbAsync(db => db.Contracts.CountAsync()));
        Assert.Equal(version, await Api.ConfigVersionAsync(app));

        CommandResult<ContractView> made = await InScopeAsync(app, db => ContractCommands.CreateAsync(db, me, TimeProvider.System,
            Json($$"""{"sellerHouseholdId": {{seller.HouseholdId}}, "kwhPerSlot": 0.5, "pricePerKwh": 0.12, "startSlot": 4, "endSlot": 99}"""), CancellationToken.None));
        Assert.Equal(CommandOutcome.Done, made.Outcome);
        Assert.Equal((4L, 99L, 0.12m), (made.Value!.StartSlot, made.Value.EndSlot!.Value, made.Value.PricePerKwh));
        Assert.True(await Api.ConfigVersionAsync(app) > version);

        // Another household cannot cancel it (not found, nothing changes); the buyer can, once.
        CommandResult<ContractView> foreign = await InScopeAsync(app, async db => await ContractCommands.CancelAsync(db, await UserAsync(app, stranger), made.Value.Id, CancellationToken.None));
        Assert.Equal(CommandOutcome.NotFound, foreign.Outcome);
        Assert.Equal(CommandOutcome.Done, (await InScopeAsync(app, db => ContractCommands.CancelAsync(db, me, made.Value.Id, CancellationToken.None))).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await InScopeAsync(app, db => ContractCommands.CancelAsync(db, me, made.Value.Id, CancellationToken.None))).Outcome);
        List<ContractView> sellers = (await InScopeAsync(app, async db => await ContractCommands.ListAsync(db, await UserAsync(app, seller), null, null, CancellationToken.None)))!;
        Assert.Equal(("seller", ContractStatus.Cancelled), (Assert.Single(sellers).Role, sellers[0].Status));
        Assert.Empty((await InScopeAsync(app, async db => await ContractCommands.ListAsync(db, await UserAsync(app, stranger), null, null, CancellationToken.None)))!);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PreferredTraders_AddTwice_IsOneRow_RemoveIsScopedToMe(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        ClaimsPrincipal me = await UserAsync(app, buyer);

        Assert.Equal(CommandOutcome.Done, (await InScopeAsync(app, db => ContractCommands.AddPreferredAsync(db, me, seller.HouseholdId, CancellationToken.None))).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await InScopeAsync(app, db => ContractCommands.AddPreferredAsync(db, me, seller.HouseholdId, CancellationToken.None))).Outcome);
        CommandResult<PreferredTraderView> self = await InScopeAsync(app, db => ContractCommands.AddPreferredAsync(db, me, buyer.HouseholdId, CancellationToken.None));
        Assert.Equal(CommandOutcome.Invalid, self.Outcome);
        Assert.Equal(1, await app.WithDbAsync(db => db.PreferredTraders.CountAsync()));

        // The seller has no preference for the buyer to remove.
        Assert.Equal(CommandOutcome.NotFound, await InScopeAsync(app, async db => await ContractCommands.RemovePreferredAsync(db, await UserAsync(app, seller), buyer.HouseholdId, CancellationToken.None)));
        Assert.Equal(CommandOutcome.Done, await InScopeAsync(app, db => ContractCommands.RemovePreferredAsync(db, me, seller.HouseholdId, CancellationToken.None)));
        Assert.Equal(0, await app.WithDbAsync(db => db.PreferredTraders.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Preferences_SavedFromThePage_AreReadBack_AndABadValueWritesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        ClaimsPrincipal me = await UserAsync(app, user);
        string before = await app.WithDbAsync(db => db.Households.Where(h => h.Id == user.HouseholdId).Select(h => h.PreferencesJson).SingleAsync());

        var errors = new ValidationErrors();
        JsonElement? refused = await InScopeAsync(app, db => PreferencesCommands.SaveAsync(db, me, Json("""{"reserveSoc": 1.5, "minSellPrice": 25}"""), errors, CancellationToken.None));
        Assert.Null(refused);
        Assert.Equal(["reserveSoc", "minSellPrice"], errors.All.Select(e => e.Path.TrimStart('.')));
        Assert.Equal(before, await app.WithDbAsync(db => db.Households.Where(h => h.Id == user.HouseholdId).Select(h => h.PreferencesJson).SingleAsync()));

        long version = await Api.ConfigVersionAsync(app);
        var ok = new ValidationErrors();
        JsonElement? saved = await InScopeAsync(app, db => PreferencesCommands.SaveAsync(db, me,
            Json("""{"storageMode": "sell-first", "reserveSoc": 0.2, "minSellPrice": 0.11, "maxBuyPrice": 0.3, "greenOnly": true, "deferrablePolicy": "cheapest"}"""), ok, CancellationToken.None));
        Assert.True(ok.IsEmpty);
        Assert.NotNull(saved);
        Assert.True(await Api.ConfigVersionAsync(app) > version);
        Preferences p = (await InScopeAsync(app, db => PreferencesCommands.LoadAsync(db, me, CancellationToken.None)))!;
        Assert.Equal(new Preferences(StorageMode.SellFirst, 0.2, null, true, 0.11m, 0.3m, true, DeferrablePolicy.Cheapest, null, true), p);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Transactions_FilterBySideKindsAndSlots_TopUpsCountInTheSlotNextToSettle(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        ClaimsPrincipal me = await UserAsync(app, buyer);

        // By id: slot 0's payment, a top-up (made while slot 1 was next), slot 1's payment, slot 2's income.
        await app.WithDbAsync(async db =>
        {
            long community = await db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            long wallet = await db.Accounts.Where(a => a.HouseholdId == buyer.HouseholdId).Select(a => a.Id).SingleAsync();
            long other = await db.Accounts.Where(a => a.HouseholdId == seller.HouseholdId).Select(a => a.Id).SingleAsync();
            foreach ((long from, long to, string kind, long? slot, long micros) in new[]
            {
                (wallet, other, "p2p-energy", (long?)0, 100_000L),
                (other, wallet, "topup", 1, 5_000_000L),
                (wallet, other, "p2p-energy", 1, 200_000L),
                (other, wallet, "grid-export", 2, 30_000L),
            })
            {
                db.Transfers.Add(new LedgerTransferRecord { CommunityId = community, FromAccountId = from, ToAccountId = to, Kind = kind, Slot = slot, AmountMicros = micros, CreatedUtc = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync();
            }
            for (int s = 0; s < 3; s++)
            {
                db.Trades.Add(new TradeRecord { CommunityId = community, Slot = s, Kind = s == 2 ? "market" : "contract", BuyerHouseholdId = s == 2 ? seller.HouseholdId : buyer.HouseholdId, SellerHouseholdId = s == 2 ? buyer.HouseholdId : seller.HouseholdId, EnergyMicroKwh = 500_000, PriceMicrosPerKwh = 200_000, AmountMicros = 100_000 });
            }
            return await db.SaveChangesAsync();
        });

        Task<TransactionsPage> Load(TransactionFilter f) => InScopeAsync(app, async db => (await TransactionsQuery.LoadAsync(db, me, f, CancellationToken.None))!);

        TransactionsPage money = await Load(new TransactionFilter([], Only: "transfers"));
        Assert.Equal([0.03m, -0.2m, 5m, -0.1m], money.Transfers.Items.Select(t => t.Amount));
        Assert.Empty(money.Trades.Items);

        TransactionsPage slot1 = await Load(new TransactionFilter([], FromSlot: 1, ToSlot: 1));
        Assert.Equal(["p2p-energy", "topup"], slot1.Transfers.Items.Select(t => t.Kind));
        Assert.Equal([1L], slot1.Trades.Items.Select(t => t.Slot));

        TransactionsPage sold = await Load(new TransactionFilter([], Side: "sell"));
        Assert.Equal(["grid-export", "topup"], sold.Transfers.Items.Select(t => t.Kind));
        Assert.Equal(("sell", 0.1m), (Assert.Single(sold.Trades.Items).Side, sold.Trades.Items[0].Amount));

        TransactionsPage kinds = await Load(new TransactionFilter(["topup", "grid-export", "market"], PageSize: 1));
        Assert.Equal((2, 1), (kinds.Transfers.Total, kinds.Trades.Total));
        Assert.Equal("grid-export", Assert.Single(kinds.Transfers.Items).Kind);

        // The seller sees the same transfers from the other side, and none of the buyer's top-up as its own income.
        TransactionsPage theirs = await InScopeAsync(app, async db => (await TransactionsQuery.LoadAsync(db, await UserAsync(app, seller), new TransactionFilter(["topup"], Side: "sell"), CancellationToken.None))!);
        Assert.Empty(theirs.Transfers.Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TransactionsApi_TakesSeveralKinds_SideAndOnly_AndNamesABadValue(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        using var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = System.Net.Http.Json.JsonContent.Create(new { amount = 3 }) };
        topUp.Headers.Add("Idempotency-Key", "k1");
        await Expect.StatusAsync(await user.Http.SendAsync(topUp), 201);

        JsonElement both = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/transactions?kind=withdrawal,topup&side=sell&only=transfers", null, 200);
        Assert.Equal(1, both.GetProperty("transfers").GetProperty("total").GetInt32());
        JsonElement outgoing = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/transactions?side=buy", null, 200);
        Assert.Equal(0, outgoing.GetProperty("transfers").GetProperty("total").GetInt32());
        string csv = await user.Http.GetStringAsync(new Uri(TransactionsApi.CsvUrl(new TransactionFilter(["topup"], Side: "sell", Only: "transfers")), UriKind.Relative));
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        foreach ((string query, string field) in new[] { ("side=up", "side"), ("only=both", "only"), ("kind=topup,", "kind") })
        {
            await Api.AssertFieldErrorAsync(await user.Http.GetAsync(new Uri($"/api/me/transactions?{query}", UriKind.Relative)), field);
        }
    }
}
