using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Wallet;

public sealed class WalletApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static Task<HttpResponseMessage> PostMoneyAsync(HttpClient http, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TopUp_ThenWithdraw_MovesExactMoneyAndKeepsTheLedgerBalanced(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/topups", "t1", new { amount = 25.123456m }), 201);
        HttpResponseMessage w = await PostMoneyAsync(user.Http, "/api/me/wallet/withdrawals", "w1", new { amount = 5.000001m, reference = "to my bank" });
        await Expect.StatusAsync(w, 201);
        JsonElement receipt = await w.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20.123455m, receipt.GetProperty("balance").GetDecimal());
        JsonElement wallet = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.Equal(20.123455m, wallet.GetProperty("balance").GetDecimal());
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Withdrawal_BeyondTheBalance_IsRefusedAndMovesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/topups", "t1", new { amount = 3 }), 201);
        int before = await LedgerChecks.TransferCountAsync(app);
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/withdrawals", "w1", new { amount = 3.000001m }), 409);
        Assert.Equal(before, await LedgerChecks.TransferCountAsync(app));
        JsonElement wallet = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.Equal(3m, wallet.GetProperty("balance").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AThousandConcurrentOneUnitWithdrawals_AgainstTenUnits_SucceedExactlyTenTimes(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/topups", "fund", new { amount = 10 }), 201);

        HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(i => PostMoneyAsync(user.Http, "/api/me/wallet/withdrawals", $"spend-{i}", new { amount = 1 })));

        HttpResponseMessage? odd = answers.FirstOrDefault(a => (int)a.StatusCode is not (201 or 409));
        Assert.True(odd is null, odd is null ? "" : $"{(int)odd.StatusCode}: {await odd.Content.ReadAsStringAsync()}");
        Assert.Equal(10, answers.Count(a => (int)a.StatusCode == 201));
        Assert.Equal(990, answers.Count(a => (int)a.StatusCode == 409));
        JsonElement wallet = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.Equal(0m, wallet.GetProperty("balance").GetDecimal());
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FiftyConcurrentRequestsWithOneKey_MoveMoneyOnce_AndAllAnswerTheSame(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        int before = await LedgerChecks.TransferCountAsync(app);

        HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => PostMoneyAsync(user.Http, "/api/me/wallet/topups", "same-key", new { amount = 7.5m })));

        Assert.All(answers, a => Assert.Equal(201, (int)a.StatusCode));
        string[] bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await LedgerChecks.TransferCountAsync(app));
        JsonElement wallet = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.Equal(7.5m, wallet.GetProperty("balance").GetDecimal());
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheSameKeyWithAnotherBody_Answers422AndMovesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/topups", "k", new { amount = 1 }), 201);
        int before = await LedgerChecks.TransferCountAsync(app);
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/topups", "k", new { amount = 2 }), 422);
        await Expect.StatusAsync(await PostMoneyAsync(user.Http, "/api/me/wallet/withdrawals", "k", new { amount = 1 }), 422);
        Assert.Equal(before, await LedgerChecks.TransferCountAsync(app));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{}", "amount" },
        { "{\"amount\": -5}", "amount" },
        { "{\"amount\": 0}", "amount" },
        { "{\"amount\": 1e12}", "amount" },
        { "{\"amount\": 1.0000001}", "amount" },
        { "{\"amount\": \"ten\"}", "amount" },
        { "{\"amount\": NaN}", "(body)" },
        { "{\"amount\": Infinity}", "(body)" },
        { "{\"amount\": 5, \"balance\": 1000000}", "balance" },
        { "{\"amount\": 5, \"ownerId\": \"someone\"}", "ownerId" },
        { "{\"amount\": 5, \"role\": \"operator\"}", "role" },
        { "[5]", "(root)" },
        { "not json", "(body)" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadTopUps_Answer400NamingTheField_AndWriteNothing(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        int before = await LedgerChecks.TransferCountAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "bad");
        HttpResponseMessage answer = await user.Http.SendAsync(request);
        await Expect.StatusAsync(answer, 400);
        JsonElement problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}' in {problem}");
        Assert.Equal(before, await LedgerChecks.TransferCountAsync(app));
    }

    [Fact]
    public async Task MoneyWithoutAnIdempotencyKey_Answers400()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        HttpResponseMessage answer = await user.Http.PostAsJsonAsync("/api/me/wallet/topups", new { amount = 1 });
        await Expect.StatusAsync(answer, 400);
        Assert.Contains("Idempotency-Key", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWallet_NeedsALogin()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await Expect.StatusAsync(await app.Anonymous().GetAsync("/api/me/wallet"), 401);
    }
}
