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

    /// <summary>A demo household whose battery sells at night (sell-first), when the clock's first slots settle.</summary>
    private const string Seller = "Demo 06 (h06-pv-battery)";

    /// <summary>
    /// The issue's journey, all through the pages: register → log in → add a generator and an appliance → switch one off
    /// → the clock advances and the open dashboard updates without a reload → top up → buy from a trader → the trade
    /// appears in Transactions and the wallet changes → log out.
    /// </summary>
    [BrowserFact]
    public async Task AProsumer_RegistersAddsDevices_WatchesSlotsLive_TopsUp_BuysFromATrader_SeesTheTradeAndTheWalletChange_AndLogsOut()
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

        // Log out and in again through the login page, a wrong password first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByText("You are logged out.")).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "password" })).ToHaveTextAsync("The e-mail or password is wrong.");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ada's house")).ToBeVisibleAsync();
        ILocator slotLabel = page.GetByRole(AriaRole.Status, new() { Name = "Last settled slot" });
        await Expect(slotLabel).ToHaveTextAsync("No slot settled yet");

        // My Generators: a PV roof through the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Generators" }).ClickAsync();
        ILocator addGenerator = page.GetByRole(AriaRole.Button, new() { Name = "Add generator" });
        await Expect(addGenerator).ToBeEnabledAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Roof PV");
        await page.GetByLabel("Peak power (kWp)").FillAsync("5");
        await addGenerator.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Roof PV is added");
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Roof PV" })).ToBeCheckedAsync();

        // My Appliances: a fridge from its template; then switch it off, which reaches the clock's configuration.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Appliances" }).ClickAsync();
        ILocator addAppliance = page.GetByRole(AriaRole.Button, new() { Name = "Add appliance" });
        await Expect(addAppliance).ToBeEnabledAsync();
        await page.GetByLabel("Start from a template").SelectOptionAsync("fridge");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Fridge");
        await addAppliance.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fridge is added");
        ILocator fridge = page.GetByRole(AriaRole.Switch, new() { Name = "Fridge" });
        await Expect(fridge).ToBeCheckedAsync();
        long configBefore = await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync());
        await fridge.UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fridge is off from the next slot.");
        Assert.False(await app.WithDbAsync(db => db.Appliances
            .Where(a => a.Name == "Fridge" && db.Households.Any(h => h.Id == a.HouseholdId && h.Name == "Ada's house")).Select(a => a.IsOn).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Communities.Select(c => c.ConfigVersion).FirstAsync()) > configBefore);

        // The market settles slots: the open dashboard changes without a reload.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.GetByText("Live: updates when the market settles a slot.")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await app.StepAsync();
        await Expect(slotLabel).ToContainTextAsync(SlotText(0));
        await app.StepAsync();
        await Expect(slotLabel).ToContainTextAsync(SlotText(1));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "kWh" }).First).ToBeVisibleAsync();

        // My Wallet: the amount rules, then a top-up that moves money once.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" }).ClickAsync();
        ILocator topUp = page.GetByRole(AriaRole.Region, new() { Name = "Top up" });
        await topUp.GetByLabel("Amount").FillAsync("-3");
        await topUp.GetByRole(AriaRole.Button, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.GetByText("-3 is outside 0 (exclusive)")).ToBeVisibleAsync();
        await topUp.GetByLabel("Amount").FillAsync("20");
        await topUp.GetByRole(AriaRole.Button, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Topped up" })).ToContainTextAsync("Topped up 20.00");
        Assert.Equal(1, await app.WithDbAsync(db => db.Transfers.CountAsync(t => t.Kind == "topup" && t.AmountMicros == 20_000_000)));
        long balanceAfterTopUp = await BalanceAsync(app);

        // My Energy Traders: buy directly from a neighbour (review, then confirm).
        await page.GetByRole(AriaRole.Link, new() { Name = "My Energy Traders" }).ClickAsync();
        ILocator buy = page.GetByRole(AriaRole.Button, new() { Name = $"Buy from {Seller}" });
        await Expect(buy).ToBeEnabledAsync();
        await buy.ClickAsync();
        await page.GetByLabel("Energy each slot (kWh)").FillAsync("0.5");
        await page.GetByLabel("Price per kWh").FillAsync("0.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review purchase" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm purchase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Contract #" })).ToContainTextAsync($"with {Seller}");

        // Two more slots on the open dashboard: the contract delivers, and the wallet tile changes live.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.GetByText("Live: updates when the market settles a slot.")).ToBeVisibleAsync();
        ILocator wallet = page.GetByRole(AriaRole.Definition).Filter(new() { HasText = Money(balanceAfterTopUp) });
        await Expect(wallet).ToBeVisibleAsync();
        await app.StepAsync();
        await app.StepAsync();
        await Expect(slotLabel).ToContainTextAsync(SlotText(3));
        long balanceAfterBuying = await BalanceAsync(app);
        Assert.True(balanceAfterBuying < balanceAfterTopUp, $"the wallet did not pay: {balanceAfterTopUp} → {balanceAfterBuying}");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = Money(balanceAfterBuying) })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "bought (contract)" }).First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "dashboard");

        // Transactions: the contract trade with the neighbour.
        await page.GetByRole(AriaRole.Link, new() { Name = "Transactions" }).ClickAsync();
        ILocator trades = page.GetByRole(AriaRole.Table, new() { Name = "Energy trades, newest first" });
        await Expect(trades.GetByRole(AriaRole.Row).Filter(new() { HasText = "contract" }).First).ToContainTextAsync("bought");
        await BrowserSession.ScreenshotAsync(page, "journey-transactions");

        // My Wallet shows what the ledger holds.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Definition).First).ToHaveTextAsync(Money(balanceAfterBuying));

        // Log out: the dashboard is behind the login again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.GotoAsync("/dashboard");
        await Expect(page).ToHaveURLAsync(LoginUrl());
    }

    private static Task<long> BalanceAsync(BrowserApp app) =>
        app.WithDbAsync(db => db.Accounts.Where(a => db.Households.Any(h => h.Id == a.HouseholdId && h.Name == "Ada's house")).Select(a => a.BalanceMicros).SingleAsync());

    private static string Money(long micros) => (micros / 1_000_000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task ASecondUser_SeesOnlyTheirOwnHousehold()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();

        IPage first = await browser.NewPageAsync(app);
        await RegisterAsync(first, "first", "First house");
        HttpClient firstApi = await app.ApiAsync(Email("first"), Password);
        HttpResponseMessage roof = await firstApi.PostAsJsonAsync("/api/me/generators", new { type = "solar-pv", name = "First's secret roof", peakKw = 7 });
        Assert.Equal(201, (int)roof.StatusCode);
        long roofId = (await roof.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(201, (int)(await firstApi.PostAsJsonAsync("/api/me/appliances", new { template = "fridge", name = "First's secret fridge" })).StatusCode);
        Assert.Equal(201, (int)(await firstApi.PostAsJsonAsync("/api/me/batteries", new { name = "First's secret battery", capacityKwh = 9.5, maxChargeKw = 3, maxDischargeKw = 3 })).StatusCode);
        using (var topUp = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/topups") { Content = JsonContent.Create(new { amount = 77.77 }) })
        {
            topUp.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(201, (int)(await firstApi.SendAsync(topUp)).StatusCode);
        }
        await app.StepAsync();

        IPage second = await browser.NewPageAsync(app, phone: true);
        await RegisterAsync(second, "second", "Second house");
        await Expect(second.GetByText("Second house")).ToBeVisibleAsync();
        await Expect(second.GetByText("First house")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(second, "dashboard-phone");

        await second.GotoAsync("/generators");
        await Expect(second.GetByText("Your household has no generators yet.")).ToBeVisibleAsync();
        await Expect(second.GetByText("First's secret roof")).ToHaveCountAsync(0);

        // No page of the second user's shows anything of the first's: the pages read the logged-in household only.
        foreach (string path in (string[])["/dashboard", "/appliances", "/generators", "/batteries", "/preferences", "/wallet", "/transactions", "/traders", "/market"])
        {
            await second.GotoAsync(path);
            await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(second.Locator("main")).Not.ToContainTextAsync("First's secret");
            await Expect(second.Locator("main")).Not.ToContainTextAsync("77.77");
        }
        // Nor does the API with the second's cookie, even given the first's device id.
        Assert.Equal(404, (await second.APIRequest.GetAsync($"/api/me/generators/{roofId}")).Status);
        IAPIResponse csv = await second.APIRequest.GetAsync("/api/me/transactions.csv");
        Assert.Equal(200, csv.Status);
        Assert.DoesNotContain("77.77", await csv.TextAsync(), StringComparison.Ordinal);
        // The operator's pages are not theirs either.
        await second.GotoAsync("/operator/users");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Not available for this login" })).ToBeVisibleAsync();

        await first.GotoAsync("/generators");
        await Expect(first.GetByRole(AriaRole.Switch, new() { Name = "First's secret roof" })).ToBeVisibleAsync();
        await first.GotoAsync("/wallet");
        await Expect(first.Locator("main")).ToContainTextAsync("77.77");

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
