using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.MyHousehold;

public sealed class HouseholdApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Household_GetAndUpdate_StoresTheFieldsAndMovesConfigVersion(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        JsonElement before = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/household", null, 200);
        Assert.Equal(user.HouseholdId, before.GetProperty("id").GetInt64());
        Assert.Equal(1500, before.GetProperty("baseLoadAnnualKwh").GetDouble());
        long version = await Api.ConfigVersionAsync(app);

        JsonElement after = await Api.ExpectAsync(user.Http, HttpMethod.Put, "/api/me/household",
            """{"name": "Ada's house", "baseLoadAnnualKwh": 2500, "maxImportKw": 11}""", 200);
        Assert.Equal("Ada's house", after.GetProperty("name").GetString());
        Assert.Equal(11, after.GetProperty("maxImportKw").GetDouble());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("maxExportKw").ValueKind);
        Assert.True(await Api.ConfigVersionAsync(app) > version);
        Assert.Equal(2500, await app.WithDbAsync(db => db.Households.Where(h => h.Id == user.HouseholdId).Select(h => h.BaseLoadAnnualKwh).SingleAsync()));
    }

    public static TheoryData<string, string> BadHouseholds => new()
    {
        { """{"baseLoadAnnualKwh": 2000}""", "name" },
        { """{"name": "x"}""", "baseLoadAnnualKwh" },
        { """{"name": "x", "baseLoadAnnualKwh": -1}""", "baseLoadAnnualKwh" },
        { """{"name": "x", "baseLoadAnnualKwh": 50001}""", "baseLoadAnnualKwh" },
        { """{"name": "x", "baseLoadAnnualKwh": 2000, "maxImportKw": 0}""", "maxImportKw" },
        { """{"name": "x", "baseLoadAnnualKwh": 2000, "maxExportKw": 1e6}""", "maxExportKw" },
        { """{"name": "x", "baseLoadAnnualKwh": NaN}""", "(body)" },
        { """{"name": "<long>", "baseLoadAnnualKwh": 2000}""", "name" },
        { """{"name": "x", "baseLoadAnnualKwh": 2000, "cell": "c9"}""", "cell" },
        { """{"name": "x", "baseLoadAnnualKwh": 2000, "ownerId": "someone"}""", "ownerId" },
        { """{"name": "x", "baseLoadAnnualKwh": 2000, "balance": 5}""", "balance" },
    };

    [Theory]
    [MemberData(nameof(BadHouseholds))]
    public async Task BadHouseholdBodies_Answer400NamingTheField_AndWriteNothing(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        JsonElement before = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/household", null, 200);
        long version = await Api.ConfigVersionAsync(app);
        body = body.Replace("<long>", new string('x', 101), StringComparison.Ordinal);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Put, "/api/me/household", body), field);
        JsonElement after = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/household", null, 200);
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(version, await Api.ConfigVersionAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Preferences_GetAndReplace_InTheScenarioFormat(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        JsonElement defaults = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/preferences", null, 200);
        Assert.Equal("store-first", defaults.GetProperty("storageMode").GetString());
        long version = await Api.ConfigVersionAsync(app);

        JsonElement set = await Api.ExpectAsync(user.Http, HttpMethod.Put, "/api/me/preferences",
            """{"storageMode": "sell-first", "reserveSoc": 0.2, "minSellPrice": 0.12, "maxBuyPrice": 0.3, "sellSurplus": true, "preferP2P": false, "deferrablePolicy": "cheapest", "gridChargeBelowPrice": 0.1}""", 200);
        Assert.Equal("sell-first", set.GetProperty("storageMode").GetString());
        Assert.Equal(0.12m, set.GetProperty("minSellPrice").GetDecimal());
        Assert.False(set.GetProperty("preferP2P").GetBoolean());
        JsonElement got = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/preferences", null, 200);
        Assert.Equal(set.GetRawText(), got.GetRawText());
        Assert.True(await Api.ConfigVersionAsync(app) > version);
    }

    public static TheoryData<string, string> BadPreferences => new()
    {
        { """{"storageMode": "sell-frist"}""", "storageMode" },
        { """{"deferrablePolicy": "whenever"}""", "deferrablePolicy" },
        { """{"reserveSoc": 1.5}""", "reserveSoc" },
        { """{"reserveSoc": -0.1}""", "reserveSoc" },
        { """{"minSellPrice": 25}""", "minSellPrice" },
        { """{"maxBuyPrice": -11}""", "maxBuyPrice" },
        { """{"maxBuyPrice": Infinity}""", "(body)" },
        { """{"sellSurplus": "yes"}""", "sellSurplus" },
        { """{"ownerId": "x"}""", "ownerId" },
        { """{"role": "operator"}""", "role" },
        { "42", "(root)" },
    };

    [Theory]
    [MemberData(nameof(BadPreferences))]
    public async Task BadPreferences_Answer400NamingTheField_AndWriteNothing(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        string before = await app.WithDbAsync(db => db.Households.Where(h => h.Id == user.HouseholdId).Select(h => h.PreferencesJson).SingleAsync());
        HttpResponseMessage answer = await Api.SendAsync(user.Http, HttpMethod.Put, "/api/me/preferences", body);
        await Api.AssertFieldErrorAsync(answer, field);
        if (field is "storageMode")
        {
            Assert.Contains("did you mean", await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Households.Where(h => h.Id == user.HouseholdId).Select(h => h.PreferencesJson).SingleAsync()));
    }
}
