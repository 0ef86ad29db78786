using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Clock;

public sealed class OperatorSettingsTests
{
    [Fact]
    public async Task TheOperator_ChangesTheMechanismAndTariff_AndTheNextSlotUsesThem()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, new Dictionary<string, string?> { ["Platform:EpochDate"] = "2026-06-01" });
        HttpClient op = await OperatorClient.LoginAsync(app);
        long before = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).SingleAsync());
        await Expect.StatusAsync(await op.PutAsJsonAsync("/api/operator/market", new { mechanism = "mmr" }), 200);
        await Expect.StatusAsync(await op.PutAsJsonAsync("/api/operator/tariff", new { import = 0.40, export = 0.05 }), 200);
        Assert.True(await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).SingleAsync()) > before);
        JsonElement market = await op.GetFromJsonAsync<JsonElement>("/api/operator/market");
        Assert.Equal("mmr", market.GetProperty("mechanism").GetString());
        JsonElement book = await op.GetFromJsonAsync<JsonElement>("/api/market");
        Assert.Equal(0.40m, book.GetProperty("nextSlot").GetProperty("gridBuyPrice").GetDecimal());
        await OperatorClient.StepAsync(op);
        await LedgerChecks.AssertBalancedAsync(app);
    }

    public static TheoryData<string, object, string> BadSettings => new()
    {
        { "/api/operator/market", new { mechanism = "pay-as-clearr" }, "mechanism" },
        { "/api/operator/market", new { mechanism = "bill-sharing" }, "mechanism" },
        { "/api/operator/market", new { mechanism = "pay-as-clear", k = 2 }, "k" },
        { "/api/operator/market", new { mechanism = "pay-as-clear", platformFeePerKwh = -1 }, "platformFeePerKwh" },
        { "/api/operator/tariff", new { import = 50, export = 0.05 }, "import" },
        { "/api/operator/clock/speed", new { secondsPerSlot = 0 }, "secondsPerSlot" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSettings_Answer400NamingTheField_AndChangeNothing(string route, object body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true);
        HttpClient op = await OperatorClient.LoginAsync(app);
        string settings = await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson + c.SecondsPerSlot).SingleAsync());
        HttpResponseMessage answer = await op.PutAsJsonAsync(route, body);
        await Expect.StatusAsync(answer, 400);
        JsonElement problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(settings, await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson + c.SecondsPerSlot).SingleAsync()));
    }

    [Fact]
    public async Task TheUsersList_ShowsRolesHouseholdsAndBalances_ToOperatorsOnly()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync("listed@example.org");
        HttpClient op = await OperatorClient.LoginAsync(app);
        JsonElement list = await op.GetFromJsonAsync<JsonElement>("/api/operator/users");
        JsonElement row = list.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "listed@example.org");
        Assert.Equal(user.HouseholdId, row.GetProperty("householdId").GetInt64());
        Assert.Equal(0m, row.GetProperty("balance").GetDecimal());
        await Expect.StatusAsync(await user.Http.GetAsync("/api/operator/users"), 403);
    }
}
