using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.OperatorPages;

/// <summary>The community operator's pages in Chromium: clock, market settings, users; closed to prosumers.</summary>
public sealed partial class OperatorPagesTests
{
    private const string OperatorEmail = "operator@peergrid.local";
    private const string OperatorPassword = "PeerGrid-operator-2026";

    [BrowserFact]
    public async Task AnOperator_StepsTheClock_ChangesTheMechanismAndAFee_SeesAFieldError_AndViewsUsers()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);

        // Log in: an operator lands on the clock, not on the prosumer dashboard.
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync(OperatorEmail);
        await page.GetByLabel("Password").FillAsync(OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clock", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(ClockUrl());
        await Expect(page.GetByText("Live: updates when the market settles a slot.")).ToBeVisibleAsync();

        // Step: the last settled slot advances, shown in the community's time zone.
        ILocator slotLabel = page.GetByRole(AriaRole.Status, new() { Name = "Last settled slot" });
        await Expect(slotLabel).ToHaveTextAsync("No slot settled yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Step one slot" }).ClickAsync();
        await Expect(slotLabel).ToHaveTextAsync(SlotText(0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Step one slot" }).ClickAsync();
        await Expect(slotLabel).ToHaveTextAsync(SlotText(1));
        // A slot settled elsewhere (the running clock, another operator) reaches the open page live.
        await app.StepAsync();
        await Expect(slotLabel).ToHaveTextAsync(SlotText(2));

        // Speed: the API's range, then a valid speed.
        ILocator speed = page.GetByLabel("Seconds per slot");
        await speed.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set speed" }).ClickAsync();
        await Expect(page.GetByText("0 is outside 0.05 … 3600")).ToBeVisibleAsync();
        await speed.FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set speed" }).ClickAsync();
        await Expect(page.GetByText("The clock settles a slot every 2 seconds.")).ToBeVisibleAsync();
        Assert.Equal(2, await app.WithDbAsync(db => db.Communities.Select(c => c.SecondsPerSlot).FirstAsync()));
        await BrowserSession.ScreenshotAsync(page, "operator-clock");

        // Market settings: a fee out of range is refused at its field and nothing is written; then a valid change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Market settings" }).ClickAsync();
        ILocator saveMarket = page.GetByRole(AriaRole.Button, new() { Name = "Save market settings" });
        await Expect(saveMarket).ToBeEnabledAsync();
        await Expect(page.GetByText("Changes take effect from the next slot (slot 3)")).ToBeVisibleAsync();
        string before = await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson).FirstAsync());
        await page.GetByLabel("Mechanism").SelectOptionAsync("pay-as-bid");
        await page.GetByLabel("Platform fee per kWh").FillAsync("20");
        await saveMarket.ClickAsync();
        await Expect(page.GetByText("Must be between 0 and 10 per kWh (got 20)")).ToBeVisibleAsync();
        Assert.Equal(before, await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson).FirstAsync()));
        await page.GetByLabel("Platform fee per kWh").FillAsync("0.01");
        await saveMarket.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToContainTextAsync("apply from the next slot (slot 3)");
        string after = await app.WithDbAsync(db => db.Communities.Select(c => c.SettingsJson).FirstAsync());
        Assert.Contains("\"mechanism\":\"pay-as-bid\"", after, StringComparison.Ordinal);
        Assert.Contains("\"platformFeePerKwh\":0.01", after, StringComparison.Ordinal);

        // The tariff: a time-of-use period with a bad time is refused at that input.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a time-of-use period to the export price" }).ClickAsync();
        await page.GetByLabel("Export period 1 from").FillAsync("25:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tariff" }).ClickAsync();
        await Expect(page.Locator("#export-period-0-from ~ .validation-message")).ToContainTextAsync("25:00");
        await BrowserSession.ScreenshotAsync(page, "operator-settings");

        // Users and the community.
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users and community", Level = 1 })).ToBeVisibleAsync();
        ILocator communityRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Sonnenfeld demo community" }) });
        await Expect(communityRow).ToContainTextAsync("Europe/Berlin");
        await Expect(communityRow).ToContainTextAsync("pay-as-bid");
        ILocator operatorRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = OperatorEmail }) });
        await Expect(operatorRow).ToContainTextAsync("operator");
        // No way to lock oneself out; a prosumer is locked and let in again.
        await Expect(operatorRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        const string Demo = "demo01@peergrid.local";
        ILocator lockDemo = page.GetByRole(AriaRole.Button, new() { Name = $"Lock {Demo}" });
        await Expect(lockDemo).ToBeEnabledAsync();
        await lockDemo.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is locked out" })).ToHaveTextAsync($"{Demo} is locked out.");
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow.AddYears(100));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock {Demo}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "can log in again" })).ToBeVisibleAsync();
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo).Select(u => u.LockoutEnd).SingleAsync()));
        // Search, ignoring case: only the matching user is listed.
        await page.GetByLabel("Search by e-mail or name").FillAsync("DEMO01@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "matching" })).ToHaveTextAsync("1–1 of 1 users matching “DEMO01@”");
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = Demo })).ToBeVisibleAsync();
        await Expect(operatorRow).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "operator-users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all users" }).ClickAsync();
        await Expect(operatorRow).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task AProsumer_CannotOpenTheOperatorPages()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);
        await page.GotoAsync("/register");
        await page.GetByLabel("E-mail").FillAsync($"p{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Correct-horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        foreach (string path in new[] { "/operator/clock", "/operator/settings", "/operator/users" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available for this login" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Step one slot" })).ToHaveCountAsync(0);
        }
    }

    private static Regex SlotText(long slot) => new($"^Slot {slot} · .+ \\(Europe/Berlin\\)$", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("/operator/clock$")]
    private static partial Regex ClockUrl();
}
