using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Devices;

/// <summary>A new prosumer sets up their household's devices through My Appliances, My Generators and My Batteries.</summary>
public sealed partial class DevicePagesTests
{
    private const string Password = "Correct-horse-42";

    [BrowserFact]
    public async Task ANewProsumer_AddsSwitchesEditsAndDeletesDevices_AndSeesFieldErrors()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);
        string email = $"grace{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Household name (optional)").FillAsync("Grace's house");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // My Appliances: a washing machine from its template, renamed, with its deferrable schedule.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Appliances" }).ClickAsync();
        await Expect(page.GetByText("Your household has no appliances yet.", new() { Exact = false })).ToBeVisibleAsync();
        ILocator addAppliance = page.GetByRole(AriaRole.Button, new() { Name = "Add appliance" });
        await Expect(addAppliance).ToBeEnabledAsync();
        await page.GetByLabel("Start from a template").SelectOptionAsync("washing-machine");
        ILocator name = page.GetByLabel("Name", new() { Exact = true });
        await Expect(name).ToHaveValueAsync("Washing machine");
        await Expect(page.GetByLabel("Earliest start (HH:mm)")).ToHaveValueAsync("08:00");
        await name.FillAsync("Laundry");
        await page.GetByLabel("Done by (HH:mm)").FillAsync("21:00");
        await addAppliance.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Laundry is added");
        ILocator laundry = page.GetByRole(AriaRole.Switch, new() { Name = "Laundry" });
        await Expect(laundry).ToBeCheckedAsync();
        await Expect(page.GetByText("Runs 120 min, starting 08:00 or later, done by 21:00 · Mon, Wed, Fri, Sat")).ToBeVisibleAsync();

        // Switch it off: the change reaches the clock's configuration.
        long configBefore = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync());
        await laundry.UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Laundry is off from the next slot.");
        await Expect(laundry).Not.ToBeCheckedAsync();
        Assert.False(await app.WithDbAsync(db => db.Appliances.Where(a => a.Name == "Laundry").Select(a => a.IsOn).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync()) > configBefore);

        // Edit: a shorter run.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Laundry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Laundry" })).ToBeVisibleAsync();
        await page.GetByLabel("Run time (minutes)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Laundry is saved");
        string spec = await app.WithDbAsync(db => db.Appliances.Where(a => a.Name == "Laundry").Select(a => a.SpecJson).SingleAsync());
        using (JsonDocument doc = JsonDocument.Parse(spec))
        {
            Assert.Equal(90, doc.RootElement.GetProperty("usage").GetProperty("runMinutes").GetInt32());
        }
        await Expect(laundry).Not.ToBeCheckedAsync();

        // Live consumption per appliance: a router (always on, 10 W) is metered on its own in every settled slot.
        await page.GetByLabel("Start from a template").SelectOptionAsync("router");
        await Expect(name).ToHaveValueAsync("Router");
        await addAppliance.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Router is added");
        await app.StepAsync();
        await app.StepAsync();
        ILocator router = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Switch, new() { Name = "Router" }) });
        await Expect(router).ToContainTextAsync("Now 0.01 kW · today 0.005 kWh");
        ILocator laundryRow = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = laundry });
        await Expect(laundryRow).ToContainTextAsync("Now 0.00 kW · today 0.000 kWh");
        ILocator usage = page.GetByRole(AriaRole.Table, new() { Name = "Consumption by appliance, metered" });
        await Expect(usage.GetByRole(AriaRole.Row, new() { Name = "Router" })).ToContainTextAsync("0.005 kWh");
        await BrowserSession.ScreenshotAsync(page, "appliances");

        // My Generators: a negative peak power is refused under its field, with nothing written; then a PV roof is added.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Generators" }).ClickAsync();
        ILocator addGenerator = page.GetByRole(AriaRole.Button, new() { Name = "Add generator" });
        await Expect(addGenerator).ToBeEnabledAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Roof PV");
        ILocator peak = page.GetByLabel("Peak power (kWp)");
        await peak.FillAsync("-5");
        await addGenerator.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("fix the marked fields");
        await Expect(page.GetByText("must be a number > 0 kWp (got -5)")).ToBeVisibleAsync();
        await Expect(peak).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSession.ScreenshotAsync(page, "generators-field-error");
        Assert.Equal(0, await app.WithDbAsync(db => db.Generators.CountAsync(g => g.Name == "Roof PV")));
        await peak.FillAsync("5");
        await addGenerator.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Roof PV is added");
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Roof PV" })).ToBeCheckedAsync();
        await Expect(page.GetByText("Solar PV · 5 kWp, tilt 35°, facing 180°")).ToBeVisibleAsync();

        // My Batteries: add one; a settled slot fills the gauge and the chart without a reload.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Batteries" }).ClickAsync();
        ILocator addBattery = page.GetByRole(AriaRole.Button, new() { Name = "Add battery" });
        await Expect(addBattery).ToBeEnabledAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Garage battery");
        await page.GetByLabel("Capacity (kWh)").FillAsync("10");
        await addBattery.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Garage battery is added");
        await Expect(page.GetByText("10 kWh · charge 5 kW, discharge 5 kW")).ToBeVisibleAsync();
        await app.StepAsync();
        ILocator gauge = page.GetByRole(AriaRole.Meter, new() { Name = "Battery charge" });
        await Expect(gauge).ToBeVisibleAsync();
        await Expect(gauge).ToHaveAttributeAsync("aria-valuetext", PercentOfTen());
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Energy stored over the last day" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "batteries");

        // Delete, after a confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Garage battery" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete Garage battery" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Garage battery is deleted.");
        await Expect(page.GetByText("Your household has no batteries yet.")).ToBeVisibleAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Batteries.CountAsync(b => b.Name == "Garage battery")));
    }

    [GeneratedRegex(@"^\d+ % \(\d+\.\d\d of 10 kWh\)$")]
    private static partial Regex PercentOfTen();
}
