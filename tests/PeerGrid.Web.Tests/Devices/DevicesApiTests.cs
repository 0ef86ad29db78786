using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Devices;

public sealed class DevicesApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appliance_CreateGetUpdateSwitchDelete_RoundTripsTheScenarioFormat(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();

        HttpResponseMessage created = await Api.SendAsync(user.Http, HttpMethod.Post, "/api/me/appliances", """{"template": "fridge", "name": "Kitchen fridge"}""");
        await Expect.StatusAsync(created, 201);
        JsonElement fridge = await created.Content.ReadFromJsonAsync<JsonElement>();
        long id = fridge.GetProperty("id").GetInt64();
        Assert.Equal($"/api/me/appliances/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Kitchen fridge", fridge.GetProperty("name").GetString());
        Assert.Equal("fridge", fridge.GetProperty("kind").GetString());
        Assert.Equal(0.1, fridge.GetProperty("ratedPowerKw").GetDouble());
        Assert.True(fridge.GetProperty("isOn").GetBoolean());

        JsonElement got = await Api.ExpectAsync(user.Http, HttpMethod.Get, $"/api/me/appliances/{id}", null, 200);
        Assert.Equal(fridge.GetRawText(), got.GetRawText());

        // A GET answer (with its own id) can be sent back as the PUT body.
        string edited = got.GetRawText().Replace("\"Kitchen fridge\"", "\"Cellar fridge\"", StringComparison.Ordinal);
        JsonElement updated = await Api.ExpectAsync(user.Http, HttpMethod.Put, $"/api/me/appliances/{id}", edited, 200);
        Assert.Equal("Cellar fridge", updated.GetProperty("name").GetString());

        JsonElement off = await Api.ExpectAsync(user.Http, HttpMethod.Post, $"/api/me/appliances/{id}/switch", """{"isOn": false}""", 200);
        Assert.False(off.GetProperty("isOn").GetBoolean());

        JsonElement list = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/me/appliances", null, 200);
        JsonElement only = Assert.Single(list.EnumerateArray());
        Assert.False(only.GetProperty("isOn").GetBoolean());
        Assert.Equal("Cellar fridge", only.GetProperty("name").GetString());

        await Api.ExpectAsync(user.Http, HttpMethod.Delete, $"/api/me/appliances/{id}", null, 204);
        await Api.ExpectAsync(user.Http, HttpMethod.Get, $"/api/me/appliances/{id}", null, 404);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appliances.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GeneratorsAndBatteries_AreStoredWithTypeAndSpec(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        JsonElement pv = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/generators", """{"type": "solar-pv", "name": "Roof", "peakKw": 6}""", 201);
        Assert.Equal(6, pv.GetProperty("peakKw").GetDouble());
        JsonElement battery = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/batteries", """{"capacityKwh": 10}""", 201);
        Assert.Equal(5, battery.GetProperty("maxChargeKw").GetDouble());
        Assert.Equal("battery", battery.GetProperty("name").GetString());

        string type = await app.WithDbAsync(db => db.Generators.Select(g => g.Type).SingleAsync());
        Assert.Equal("solar-pv", type);
        JsonElement wind = await Api.ExpectAsync(user.Http, HttpMethod.Put, $"/api/me/generators/{pv.GetProperty("id").GetInt64()}", """{"type": "wind", "ratedKw": 3}""", 200);
        Assert.Equal("wind", wind.GetProperty("type").GetString());
        Assert.Equal("wind", await app.WithDbAsync(db => db.Generators.Select(g => g.Type).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryDeviceChange_MovesTheCommunitysConfigVersion(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        long v0 = await Api.ConfigVersionAsync(app);
        JsonElement pv = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/generators", """{"type": "solar-pv", "peakKw": 4}""", 201);
        long v1 = await Api.ConfigVersionAsync(app);
        Assert.True(v1 > v0);
        string path = $"/api/me/generators/{pv.GetProperty("id").GetInt64()}";
        await Api.ExpectAsync(user.Http, HttpMethod.Post, path + "/switch", """{"isOn": false}""", 200);
        long v2 = await Api.ConfigVersionAsync(app);
        Assert.True(v2 > v1);
        Assert.False(await app.WithDbAsync(db => db.Generators.Select(g => g.IsOn).SingleAsync()));
        await Api.ExpectAsync(user.Http, HttpMethod.Put, path, """{"type": "solar-pv", "peakKw": 5}""", 200);
        long v3 = await Api.ConfigVersionAsync(app);
        Assert.True(v3 > v2);
        await Api.ExpectAsync(user.Http, HttpMethod.Delete, path, null, 204);
        Assert.True(await Api.ConfigVersionAsync(app) > v3);
    }

    public static TheoryData<string, string, string> BadDevices => new()
    {
        { "appliances", "{}", "kind" },
        { "appliances", """{"template": "fridg"}""", "template" },
        { "appliances", """{"template": "fridge", "ratedPowerKw": -1}""", "ratedPowerKw" },
        { "appliances", """{"template": "fridge", "ratedPowerKw": 5000}""", "ratedPowerKw" },
        { "appliances", """{"template": "fridge", "ratedPowerKw": NaN}""", "(body)" },
        { "appliances", """{"template": "fridge", "name": "<long>"}""", "name" },
        { "appliances", """{"template": "fridge", "name": "   "}""", "name" },
        { "appliances", """{"template": "fridge", "householdId": 1}""", "householdId" },
        { "appliances", """{"template": "fridge", "ownerId": "x"}""", "ownerId" },
        { "appliances", """{"template": "fridge", "id": 5}""", "id" },
        { "appliances", """{"template": "fridge", "usage": {"type": "alwayson"}}""", "usage.type" },
        { "generators", """{"type": "solar"}""", "type" },
        { "generators", """{"type": "solar-pv"}""", "peakKw" },
        { "generators", """{"type": "solar-pv", "peakKw": Infinity}""", "(body)" },
        { "generators", """{"type": "solar-pv", "peakKw": 1e9}""", "peakKw" },
        { "generators", """{"type": "wind", "ratedKw": "5"}""", "ratedKw" },
        { "generators", """{"type": "solar-pv", "peakKw": 4, "balance": 100}""", "balance" },
        { "batteries", """{"capacityKwh": 0}""", "capacityKwh" },
        { "batteries", """{"capacityKwh": 10, "minSoc": 2}""", "minSoc" },
        { "batteries", """{"capacityKwh": 10, "role": "operator"}""", "role" },
        { "batteries", "[1]", "(root)" },
        { "batteries", "nope", "(body)" },
    };

    [Theory]
    [MemberData(nameof(BadDevices))]
    public async Task BadDeviceBodies_Answer400NamingTheField_AndWriteNothing(string kind, string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        long version = await Api.ConfigVersionAsync(app);
        body = body.Replace("<long>", new string('x', 101), StringComparison.Ordinal);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Post, $"/api/me/{kind}", body), field);
        Assert.Equal(0, await app.WithDbAsync(async db => await db.Appliances.CountAsync() + await db.Generators.CountAsync() + await db.Batteries.CountAsync()));
        Assert.Equal(version, await Api.ConfigVersionAsync(app));
    }

    [Fact]
    public async Task BadUpdatesAndSwitches_Answer400_AndChangeNothing()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        JsonElement b = await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/batteries", """{"name": "Home", "capacityKwh": 10}""", 201);
        string path = $"/api/me/batteries/{b.GetProperty("id").GetInt64()}";
        long version = await Api.ConfigVersionAsync(app);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Put, path, """{"capacityKwh": -3}"""), "capacityKwh");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Put, path, """{"id": 999999, "capacityKwh": 3}"""), "id");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Post, path + "/switch", "{}"), "isOn");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Post, path + "/switch", """{"isOn": "off"}"""), "isOn");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Post, path + "/switch", """{"isOn": false, "householdId": 2}"""), "householdId");
        JsonElement after = await Api.ExpectAsync(user.Http, HttpMethod.Get, path, null, 200);
        Assert.Equal(b.GetRawText(), after.GetRawText());
        Assert.Equal(version, await Api.ConfigVersionAsync(app));
    }

    [Fact]
    public async Task TheFiftyFirstDeviceOfAKind_IsRefused()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        for (int i = 0; i < 50; i++)
        {
            await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/appliances", """{"template": "router"}""", 201);
        }
        HttpResponseMessage refused = await Api.SendAsync(user.Http, HttpMethod.Post, "/api/me/appliances", """{"template": "router"}""");
        await Api.AssertFieldErrorAsync(refused, "(body)");
        Assert.Contains("50", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The limit is per kind: a generator still fits.
        await Api.ExpectAsync(user.Http, HttpMethod.Post, "/api/me/generators", """{"type": "solar-pv", "peakKw": 4}""", 201);
    }

    [Fact]
    public async Task ApplianceTemplates_AreListedWithTheirSpecs()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        JsonElement templates = await Api.ExpectAsync(user.Http, HttpMethod.Get, "/api/templates/appliances", null, 200);
        JsonElement fridge = templates.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "fridge");
        Assert.Equal("fridge", fridge.GetProperty("spec").GetProperty("kind").GetString());
        Assert.True(templates.GetArrayLength() >= 10);
    }

    [Fact]
    public async Task Devices_NeedALogin()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        await Expect.StatusAsync(await app.Anonymous().GetAsync("/api/me/appliances"), 401);
        await Expect.StatusAsync(await app.Anonymous().GetAsync("/api/templates/appliances"), 401);
    }
}
