using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Trading;

/// <summary>A prosumer's money and trading pages in Chromium: wallet, preferences, buying from a trader, transactions, market.</summary>
public sealed class TradingPagesTests
{
    private const string Password = "Correct-horse-42";

    /// <summary>A demo household whose battery sells at night (sell-first), when the clock's first slots settle.</summary>
    private const string Seller = "Demo 06 (h06-pv-battery)";

    private readonly string _run = Guid.NewGuid().ToString("N");

    [BrowserFact]
    public async Task AProsumer_TopsUp_SetsAPreference_BuysFromATrader_SeesTheTradeAndTheWalletChange_AndWithdraws()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);
        string buyerEmail = $"ada-{_run}@example.org";
        await RegisterAsync(page, buyerEmail, "Ada's house");

        // My Wallet: a top-up.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" }).ClickAsync();
        ILocator topUp = page.GetByRole(AriaRole.Region, new() { Name = "Top up" });
        await topUp.GetByLabel("Amount").FillAsync("30");
        await topUp.GetByRole(AriaRole.Button, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Topped up" })).ToContainTextAsync("Topped up 30.00");

        // My Preferences: a price out of range is refused with the server's message, then a good one is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Preferences" }).ClickAsync();
        ILocator save = page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" });
        await Expect(save).ToBeEnabledAsync();
        await page.GetByLabel("Minimum sell price (per kWh, optional)").FillAsync("25");
        await save.ClickAsync();
        await Expect(page.GetByText("25 per kWh is outside the plausible range")).ToBeVisibleAsync();
        Assert.DoesNotContain("25", await app.WithDbAsync(db => db.Households.Where(h => h.Name == "Ada's house").Select(h => h.PreferencesJson).SingleAsync()), StringComparison.Ordinal);
        await page.GetByLabel("Minimum sell price (per kWh, optional)").FillAsync("0.15");
        await page.GetByLabel("Buy only green energy from neighbours").CheckAsync();
        await save.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Preferences saved" })).ToBeVisibleAsync();
        Assert.Contains("0.15", await app.WithDbAsync(db => db.Households.Where(h => h.Name == "Ada's house").Select(h => h.PreferencesJson).SingleAsync()), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "preferences");

        // My Energy Traders: buy directly from a demo seller (review, then confirm), and mark it as preferred.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Energy Traders" }).ClickAsync();
        ILocator buy = page.GetByRole(AriaRole.Button, new() { Name = $"Buy from {Seller}" });
        await Expect(buy).ToBeEnabledAsync();
        await buy.ClickAsync();
        await page.GetByLabel("Energy each slot (kWh)").FillAsync("0.5");
        await page.GetByLabel("Price per kWh").FillAsync("0.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review purchase" }).ClickAsync();
        await Expect(page.GetByText($"Buy 0.5 kWh each slot from {Seller} at 0.2 per kWh")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm purchase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Contract #" })).ToContainTextAsync($"with {Seller}");
        long contractId = await app.WithDbAsync(db => db.Contracts.Select(c => c.Id).SingleAsync());
        ILocator cancel = page.GetByRole(AriaRole.Button, new() { Name = $"Cancel contract #{contractId}" });
        await Expect(cancel).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark {Seller} as preferred" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Unmark {Seller} as preferred" })).ToBeVisibleAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.PreferredTraders.CountAsync()));
        await BrowserSession.ScreenshotAsync(page, "traders");

        // The clock settles slots: the contract delivers, and the wallet pays for it.
        long balanceBefore = await BalanceAsync(app);
        await app.StepAsync();
        await app.StepAsync();
        Assert.True(await app.WithDbAsync(db => db.Trades.AnyAsync(t => t.Kind == "contract" && t.ContractId == contractId)), "the contract delivered nothing");
        long balanceAfter = await BalanceAsync(app);
        Assert.True(balanceAfter < balanceBefore, $"the wallet did not pay: {balanceBefore} → {balanceAfter}");

        // Transactions: the contract trade, also under its kind's filter; the CSV link carries the filter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Transactions" }).ClickAsync();
        ILocator trades = page.GetByRole(AriaRole.Table, new() { Name = "Energy trades, newest first" });
        await Expect(trades.GetByRole(AriaRole.Row).Filter(new() { HasText = "contract" }).First).ToContainTextAsync("bought");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show" })).ToBeEnabledAsync();
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Contract trades" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", new Regex("kind=contract", RegexOptions.None, TimeSpan.FromSeconds(1)));
        await Expect(trades.GetByRole(AriaRole.Row).Filter(new() { HasText = "market" })).ToHaveCountAsync(0);
        await Expect(trades.GetByRole(AriaRole.Row).Filter(new() { HasText = "contract" }).First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "transactions");

        // Market: the history and the next slot's book.
        await page.GetByRole(AriaRole.Link, new() { Name = "Market" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Last settled slot" })).ToContainTextAsync("Slot 1 ·");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Next slot's book" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Volume" })).ToBeVisibleAsync();
        await app.StepAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Last settled slot" })).ToContainTextAsync("Slot 2 ·");
        await BrowserSession.ScreenshotAsync(page, "market");

        // My Wallet: the new balance, the energy payments in the ledger; a too large withdrawal is refused, a small one made.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" }).ClickAsync();
        string balance = (await BalanceAsync(app) / 1_000_000m).ToString("0.00", CultureInfo.InvariantCulture);
        await Expect(page.GetByRole(AriaRole.Definition).First).ToHaveTextAsync(balance);
        ILocator ledger = page.GetByRole(AriaRole.Table, new() { Name = "Money into and out of my wallet, newest first" });
        await Expect(ledger.GetByRole(AriaRole.Row).Filter(new() { HasText = "topup" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show" })).ToBeEnabledAsync();
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Top-ups" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(ledger.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // the header and the top-up
        ILocator withdraw = page.GetByRole(AriaRole.Region, new() { Name = "Withdraw" });
        await withdraw.GetByLabel("Amount").FillAsync("5000");
        await withdraw.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not enough money" })).ToBeVisibleAsync();
        withdraw = page.GetByRole(AriaRole.Region, new() { Name = "Withdraw" });
        await withdraw.GetByLabel("Amount").FillAsync("5");
        await withdraw.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Withdrew" })).ToContainTextAsync("Withdrew 5.00");
        Assert.Equal(1, await app.WithDbAsync(db => db.Transfers.CountAsync(t => t.Kind == "withdrawal")));
        await BrowserSession.ScreenshotAsync(page, "wallet-history");

        // Back to the traders: cancel the contract.
        await page.GetByRole(AriaRole.Link, new() { Name = "My Energy Traders" }).ClickAsync();
        cancel = page.GetByRole(AriaRole.Button, new() { Name = $"Cancel contract #{contractId}" });
        await Expect(cancel).ToBeEnabledAsync();
        await cancel.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "cancelled" })).ToContainTextAsync($"Contract #{contractId} is cancelled");
        Assert.Equal("cancelled", await app.WithDbAsync(db => db.Contracts.Select(c => c.Status).SingleAsync()));
    }

    private static Task<long> BalanceAsync(BrowserApp app) =>
        app.WithDbAsync(db => db.Accounts.Where(a => db.Households.Any(h => h.Id == a.HouseholdId && h.Name == "Ada's house")).Select(a => a.BalanceMicros).SingleAsync());

    private static async Task RegisterAsync(IPage page, string email, string household)
    {
        await page.GotoAsync("/register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Household name (optional)").FillAsync(household);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }
}
