using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Auth;

public sealed class AuthApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_CreatesAProsumerWithAHouseholdAndAnEmptyWallet(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync("ada@example.org");
        JsonElement me = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("ada@example.org", me.GetProperty("email").GetString());
        Assert.Equal(user.HouseholdId, me.GetProperty("householdId").GetInt64());
        Assert.Equal(["prosumer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        JsonElement wallet = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/wallet");
        Assert.Equal(0m, wallet.GetProperty("balance").GetDecimal());
        await LedgerChecks.AssertBalancedAsync(app);
    }

    public static TheoryData<string, string> BadRegistrations => new()
    {
        { "{\"email\": \"x@example.org\", \"password\": \"short1A\"}", "password" },
        { "{\"email\": \"x@example.org\", \"password\": \"nodigitsHereAtAll\"}", "password" },
        { "{\"email\": \"not-an-address\", \"password\": \"Correct-horse-42\"}", "email" },
        { "{\"password\": \"Correct-horse-42\"}", "email" },
        { "{\"email\": \"x@example.org\", \"password\": \"Correct-horse-42\", \"role\": \"operator\"}", "role" },
        { "{\"email\": \"x@example.org\", \"password\": \"Correct-horse-42\", \"displayName\": \"" + "long name " + "\"}", "(none)" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task BadRegistrations_Answer400NamingTheField_AndCreateNobody(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        HttpResponseMessage answer = await app.Anonymous().PostAsync("/api/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        if (field == "(none)")
        {
            await Expect.StatusAsync(answer, 201); // a control case: the catalogue's bodies differ from a good one only in the named field
            return;
        }
        await Expect.StatusAsync(answer, 400);
        JsonElement problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task RegisteringAnEmailTwice_Answers400OnEmail()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await app.RegisterAsync("twice@example.org");
        HttpResponseMessage again = await app.Anonymous().PostAsJsonAsync("/api/auth/register", new { email = "twice@example.org", password = "Correct-horse-42" });
        await Expect.StatusAsync(again, 400);
        Assert.Contains("email", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightOne()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await app.RegisterAsync("locked@example.org");
        HttpClient client = app.Anonymous();
        for (int i = 0; i < 4; i++)
        {
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "locked@example.org", password = "Wrong-pass-000" }), 401);
        }
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "locked@example.org", password = "Wrong-pass-000" }), 423);
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "locked@example.org", password = "Correct-horse-42" }), 423);
    }

    [Fact]
    public async Task TooManyLoginAttempts_Answer429()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", settings: new Dictionary<string, string?> { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        HttpClient client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "Wrong-pass-000" })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task CookieLogin_SetsASecureHttpOnlyStrictCookie_ThatAuthorisesAndLogoutEnds()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await app.RegisterAsync("cookie@example.org");
        HttpClient browser = app.Anonymous();
        HttpResponseMessage login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "cookie@example.org", password = "Correct-horse-42" });
        await Expect.StatusAsync(login, 200);
        string cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("peergrid.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        await Expect.StatusAsync(await browser.GetAsync("/api/me/wallet"), 200);
        await Expect.StatusAsync(await browser.PostAsync("/api/auth/logout", null), 204);
        await Expect.StatusAsync(await browser.GetAsync("/api/me/wallet"), 401);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        HttpResponseMessage answer = await app.Anonymous().GetAsync("/api/me/wallet");
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerError_ShowsNoStackTrace()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        // No community settings can be broken through the API; break the stored ones to force an internal error.
        await app.WithDbAsync(db => db.Communities.ExecuteUpdateAsync(s => s.SetProperty(c => c.SettingsJson, "{not json")));
        HttpClient op = await OperatorClient.LoginAsync(app);
        HttpResponseMessage answer = await op.GetAsync("/api/operator/market");
        Assert.Equal(500, (int)answer.StatusCode);
        string body = await answer.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.NotNull(user);
    }
}
