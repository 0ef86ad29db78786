using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Dashboard;

/// <summary>A prosumer's way through the dashboard in Chromium, located by role and label as a screen reader would.</summary>
public sealed partial class DashboardJourneyTests
{
    private const string Password = "Correct-horse-42";

    [BrowserFact]
    public async Task AProsumer_Registers_LogsIn_SeesSlotsSettleLive_SwitchesAGeneratorOff_TopsUp_AndLogsOut()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);
        string email = $"ada{Guid.NewGuid():N}@example.org";

        // Register: the form's validation speaks first, then the account is made and the browser is logged in.
        await page.GotoAsync("/register");
        await page.GetByLabel("E-mail").FillAsync("not-an-address");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByText("Is not an e-mail address")).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Household name (optional)").FillAsync("Ada's house");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // Log out and in again through the login page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByText("You are logged out.")).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "password" })).ToHaveTextAsync("The e-mail or password is wrong.");

        // The household gets a PV roof (through the API, as a script would), then the owner logs in.
        HttpClient api = await app.ApiAsync(email, Password);
        HttpResponseMessage created = await api.PostAsJsonAsync("/api/me/generators", new { type = "solar-pv", name = "Roof PV", peakKw = 5 });
        Assert.Equal(201, (int)created.StatusCode);
        using var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount = 20 }) };
        topUp.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(201, (int)(await api.SendAsync(topUp)).StatusCode);

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ada's house")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "20.00" })).ToBeVisibleAsync();
        ILocator slotLabel = page.GetByRole(AriaRole.Status, new() { Name = "Last settled slot" });
        await Expect(slotLabel).ToHaveTextAsync("No slot settled yet");
        await Expect(page.GetByText("Live: updates when the market settles a slot.")).ToBeVisibleAsync();

        // The market settles slots: the open page changes without a reload.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await app.StepAsync();
        await Expect(slotLabel).ToContainTextAsync(SlotText(0));
        await app.StepAsync();
        await Expect(slotLabel).ToContainTextAsync(SlotText(1));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "kWh" }).First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "dashboard");

        // My Generators: switch the roof off; the change reaches the clock's configuration.
        long configBefore = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "My Generators" }).ClickAsync();
        ILocator roof = page.GetByRole(AriaRole.Switch, new() { Name = "Roof PV" });
        await Expect(roof).ToBeCheckedAsync();
        await Expect(roof).ToBeEnabledAsync();
        await roof.UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Roof PV is off from the next slot.");
        await Expect(roof).Not.ToBeCheckedAsync();
        Assert.False(await app.WithDbAsync(db => db.Generators.Where(g => g.Name == "Roof PV").Select(g => g.IsOn).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync()) > configBefore);
        await BrowserSession.ScreenshotAsync(page, "generators");

        // My Wallet: the API's amount rules, then a top-up that moves money once.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" }).ClickAsync();
        ILocator topUpForm = page.GetByRole(AriaRole.Region, new() { Name = "Top up" });
        await topUpForm.GetByLabel("Amount").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.GetByText("-3 is outside 0 (exclusive)")).ToBeVisibleAsync();
        await topUpForm.GetByLabel("Amount").FillAsync("12.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Topped up 12.50");
        long topUps = await app.WithDbAsync(db => db.Transfers.CountAsync(t => t.Kind == "topup" && t.AmountMicros == 12_500_000));
        Assert.Equal(1, topUps);
        await BrowserSession.ScreenshotAsync(page, "wallet");

        // Log out: the dashboard is behind the login again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.GotoAsync("/dashboard");
        await Expect(page).ToHaveURLAsync(LoginUrl());
    }

    [BrowserFact]
    public async Task ASecondUser_SeesOnlyTheirOwnHousehold()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();

        IPage first = await browser.NewPageAsync(app);
        await RegisterAsync(first, "first", "First house");
        HttpClient firstApi = await app.ApiAsync(Email("first"), Password);
        Assert.Equal(201, (int)(await firstApi.PostAsJsonAsync("/api/me/generators", new { type = "solar-pv", name = "First's secret roof", peakKw = 7 })).StatusCode);
        await app.StepAsync();

        IPage second = await browser.NewPageAsync(app, phone: true);
        await RegisterAsync(second, "second", "Second house");
        await Expect(second.GetByText("Second house")).ToBeVisibleAsync();
        await Expect(second.GetByText("First house")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(second, "dashboard-phone");

        await second.GotoAsync("/generators");
        await Expect(second.GetByText("Your household has no generators yet.")).ToBeVisibleAsync();
        await Expect(second.GetByText("First's secret roof")).ToHaveCountAsync(0);

        await first.GotoAsync("/generators");
        await Expect(first.GetByRole(AriaRole.Switch, new() { Name = "First's secret roof" })).ToBeVisibleAsync();

        // Not logged in: the pages send the browser to the login page, the API still answers 401.
        IPage anonymous = await browser.NewPageAsync(app);
        await anonymous.GotoAsync("/generators");
        await Expect(anonymous).ToHaveURLAsync(LoginUrl());
        IAPIResponse wallet = await anonymous.APIRequest.GetAsync("/api/me/wallet");
        Assert.Equal(401, wallet.Status);
    }

    private string Email(string who) => $"{who}-{_run}@example.org";

    private readonly string _run = Guid.NewGuid().ToString("N");

    private async Task RegisterAsync(IPage page, string who, string household)
    {
        await page.GotoAsync("/register");
        await page.GetByLabel("E-mail").FillAsync(Email(who));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Household name (optional)").FillAsync(household);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    private static Regex SlotText(long slot) => new($"^Slot {slot} ·", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("/login(\\?|$)")]
    private static partial Regex LoginUrl();
}
