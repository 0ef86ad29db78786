using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Components.Pages.Appliances;
using PeerGrid.Web.Components.Pages.Batteries;
using PeerGrid.Web.Components.Pages.Devices;
using PeerGrid.Web.Components.Pages.Generators;
using PeerGrid.Web.Devices;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Devices;

/// <summary>The device changes the pages make, called as the pages call them: with the logged-in user's principal.</summary>
public sealed class DeviceCommandsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateUpdateDelete_WriteTheDevice_AndEachMovesTheConfigVersion(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        ClaimsPrincipal principal = await PrincipalAsync(app, user);

        long v0 = await Api.ConfigVersionAsync(app);
        DeviceOutcome<ApplianceRecord> created = await app.WithDbAsync(db =>
            DeviceCommands.CreateAsync(db, principal, DeviceCommands.Appliances, Json("""{"template": "kettle", "name": "Kettle", "ratedPowerKw": 3}"""), default));
        ApplianceRecord kettle = Assert.IsType<ApplianceRecord>(created.Device);
        Assert.Null(created.Errors);
        Assert.Equal(user.HouseholdId, kettle.HouseholdId);
        long v1 = await Api.ConfigVersionAsync(app);
        Assert.True(v1 > v0);

        // The template's usage is kept; the override replaced the rating.
        ApplianceRecord stored = await app.WithDbAsync(db => db.Appliances.AsNoTracking().SingleAsync());
        using (JsonDocument spec = JsonDocument.Parse(stored.SpecJson))
        {
            Assert.Equal(3, spec.RootElement.GetProperty("ratedPowerKw").GetDouble());
            Assert.Equal("time-windows", spec.RootElement.GetProperty("usage").GetProperty("type").GetString());
        }

        DeviceOutcome<ApplianceRecord> updated = await app.WithDbAsync(db =>
            DeviceCommands.UpdateAsync(db, principal, DeviceCommands.Appliances, kettle.Id,
                Json("""{"name": "Water boiler", "kind": "kettle", "ratedPowerKw": 2, "isOn": false, "usage": {"type": "deferrable", "runMinutes": 30, "earliestStart": "06:00", "deadline": "08:00"}}"""), default));
        Assert.Equal("Water boiler", updated.Device!.Name);
        Assert.False(await app.WithDbAsync(db => db.Appliances.Select(a => a.IsOn).SingleAsync()));
        long v2 = await Api.ConfigVersionAsync(app);
        Assert.True(v2 > v1);

        Assert.True(await app.WithDbAsync(db => DeviceCommands.DeleteAsync(db, principal, DeviceCommands.Appliances, kettle.Id, default)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Appliances.CountAsync()));
        Assert.True(await Api.ConfigVersionAsync(app) > v2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ABadDevice_IsRefusedWithItsField_AndNothingIsWritten(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient user = await app.RegisterAsync();
        ClaimsPrincipal principal = await PrincipalAsync(app, user);
        long v0 = await Api.ConfigVersionAsync(app);

        DeviceOutcome<GeneratorRecord> refused = await app.WithDbAsync(db =>
            DeviceCommands.CreateAsync(db, principal, DeviceCommands.Generators, Json("""{"type": "solar-pv", "name": "Roof", "peakKw": -2}"""), default));
        Assert.Null(refused.Device);
        Assert.Contains(refused.Errors!.All, e => e.Path == ".peakKw");

        DeviceOutcome<BatteryRecord> battery = await app.WithDbAsync(db =>
            DeviceCommands.CreateAsync(db, principal, DeviceCommands.Batteries, Json("""{"capacityKwh": 10, "minSoc": 0.6, "maxSoc": 0.5}"""), default));
        Assert.Contains(battery.Errors!.All, e => e.Path == ".minSoc");

        Assert.Equal(0, await app.WithDbAsync(db => db.Generators.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Batteries.CountAsync()));
        Assert.Equal(v0, await Api.ConfigVersionAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnotherHouseholdsDevice_IsNotFound_AndStaysAsItWas(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient owner = await app.RegisterAsync();
        UserClient other = await app.RegisterAsync();
        ClaimsPrincipal ownerPrincipal = await PrincipalAsync(app, owner);
        ClaimsPrincipal otherPrincipal = await PrincipalAsync(app, other);
        BatteryRecord battery = (await app.WithDbAsync(db =>
            DeviceCommands.CreateAsync(db, ownerPrincipal, DeviceCommands.Batteries, Json("""{"name": "Garage battery", "capacityKwh": 10}"""), default))).Device!;
        long v0 = await Api.ConfigVersionAsync(app);

        DeviceOutcome<BatteryRecord> update = await app.WithDbAsync(db =>
            DeviceCommands.UpdateAsync(db, otherPrincipal, DeviceCommands.Batteries, battery.Id, Json("""{"name": "Mine now", "capacityKwh": 1}"""), default));
        Assert.Null(update.Device);
        Assert.Null(update.Errors);
        Assert.False(await app.WithDbAsync(db => DeviceCommands.DeleteAsync(db, otherPrincipal, DeviceCommands.Batteries, battery.Id, default)));
        Assert.Null(await app.WithDbAsync(db => DeviceSwitch.SetAsync(db, otherPrincipal, d => d.Batteries, battery.Id, false, default)));

        BatteryRecord after = await app.WithDbAsync(db => db.Batteries.AsNoTracking().SingleAsync());
        Assert.Equal(("Garage battery", true, owner.HouseholdId), (after.Name, after.IsOn, after.HouseholdId));
        Assert.Equal(v0, await Api.ConfigVersionAsync(app));
    }

    [Fact]
    public void EveryTemplate_FilledIntoTheForm_ReadsBackAsTheSameAppliance()
    {
        foreach (string name in ApplianceTemplates.Names)
        {
            JsonElement body = Json(ApplianceForm.FromTemplate(name).ToJson().ToJsonString());
            Assert.Null(DeviceCommands.Check(DeviceCommands.Appliances, body));
            Assert.Equal(DeviceJson.Write(ApplianceTemplates.Get(name)), DeviceJson.Write(DeviceJson.ReadAppliance(body, "", new())!));
        }
    }

    [Fact]
    public void FormErrors_LandUnderTheFieldThatHoldsTheirPath()
    {
        var form = new ApplianceForm { Name = "Lamp", Kind = "lighting", RatedPowerKw = "-1", UsageType = "time-windows", Weekday = "18:00-18:00" };
        FormErrors errors = FormErrors.Place(DeviceCommands.Check(DeviceCommands.Appliances, Json(form.ToJson().ToJsonString()))!, ApplianceForm.FieldPaths);
        Assert.NotEmpty(errors.For("ratedPowerKw"));
        Assert.NotEmpty(errors.For("usage.weekday"));
        Assert.Empty(errors.For("name"));

        var battery = new BatteryForm { CapacityKwh = "ten" };
        FormErrors batteryErrors = FormErrors.Place(DeviceCommands.Check(DeviceCommands.Batteries, Json(battery.ToJson().ToJsonString()))!, BatteryForm.FieldPaths);
        Assert.Contains("expected a number", Assert.Single(batteryErrors.For("capacityKwh")), StringComparison.Ordinal);

        var generator = new GeneratorForm { Type = "wind", RatedKw = "5", CutInMs = "13" };
        FormErrors windErrors = FormErrors.Place(DeviceCommands.Check(DeviceCommands.Generators, Json(generator.ToJson().ToJsonString()))!, GeneratorForm.FieldPaths);
        Assert.Contains(windErrors.Unplaced, m => m.Contains("cut-in", StringComparison.Ordinal));
    }

    private static JsonElement Json(string text) => CommunityScenario.Element(text);

    /// <summary>The user as a page sees them: their id claim, as the cookie login carries it.</summary>
    private static async Task<ClaimsPrincipal> PrincipalAsync(PlatformApp app, UserClient user)
    {
        string id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == user.Email).Select(u => u.Id).SingleAsync());
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
    }
}
