using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Lab;

/// <summary>The operator's scenario lab in Chromium: build a tiny scenario, compare three mechanisms (tables, daily and per-slot charts), download the table.</summary>
public sealed class ScenarioLabTests
{
    // The demo operator's login (README).
    private const string OperatorEmail = "operator@peergrid.local";
    private const string OperatorPassword = "PeerGrid-operator-2026";
    private static readonly string[] Mechanisms = ["grid-only", "pay-as-clear", "sdr"];

    [BrowserFact]
    public async Task AnOperator_BuildsASmallScenario_ComparesThreeMechanisms_AndDownloadsTheComparison()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);

        await page.GotoAsync("/login?ReturnUrl=%2Flab");
        await page.GetByLabel("E-mail").FillAsync(OperatorEmail);
        await page.GetByLabel("Password").FillAsync(OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scenario lab", Level = 1 })).ToBeVisibleAsync();
        ILocator run = page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true });
        await Expect(run).ToBeEnabledAsync();

        // The form's own check speaks before anything runs; then 10 households (the default counts) for 2 days.
        ILocator days = page.GetByLabel("Horizon (days)");
        await days.FillAsync("0");
        await run.ClickAsync();
        await Expect(page.GetByText("The horizon must be from 1 to 366 days — change the number of days.")).ToBeVisibleAsync();
        await days.FillAsync("2");
        await Expect(page.GetByLabel("consumer")).ToHaveValueAsync("4");
        await Expect(page.GetByLabel("pv-home", new() { Exact = true })).ToHaveValueAsync("4");
        await Expect(page.GetByLabel("pv-battery-home")).ToHaveValueAsync("2");

        foreach (string mechanism in Mechanisms)
        {
            // Not CheckAsync: a re-render for an earlier change (the days field commits on blur, i.e. on this click) can
            // reach the browser between the click and the server's answer to it, so the box flips back for a moment.
            // The click's own event still arrives; wait for the state it leads to.
            ILocator box = page.GetByRole(AriaRole.Checkbox, new() { Name = mechanism, Exact = true });
            if (!await box.IsCheckedAsync())
            {
                await box.ClickAsync();
            }
            await Expect(box).ToBeCheckedAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Run comparison" }).ClickAsync();

        // Progress is pushed to the page as the server simulates; the bar ends full.
        ILocator progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Run progress" });
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress).ToHaveAttributeAsync("value", "100", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Finished" })).ToContainTextAsync("10 households under 3 mechanisms");

        ILocator table = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Community cost" });
        foreach (string mechanism in Mechanisms)
        {
            await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = mechanism, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(Mechanisms.Length);
        // The charts draw once the browser has measured them.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Daily P2P volume by mechanism" }).Locator(".rz-chart svg").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results of pay-as-clear" })).ToBeVisibleAsync();
        // The day view compares the mechanisms' P2P prices slot by slot (grid-only has none, so it has no line).
        ILocator prices = page.GetByRole(AriaRole.Group, new() { Name = "P2P price slot by slot by mechanism" });
        await Expect(prices.Locator(".rz-chart svg").First).ToBeVisibleAsync();
        await Expect(prices).ToContainTextAsync("pay-as-clear: ");
        await Expect(prices).ToContainTextAsync("sdr: ");
        await BrowserSession.ScreenshotAsync(page, "lab");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download comparison CSV" }).ClickAsync());
        string[] lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimEnd('\n').Split('\n');
        Assert.StartsWith("mechanism,communityCost,savingsVsGridOnly,", lines[0], StringComparison.Ordinal);
        Assert.Equal(Mechanisms, lines[1..].Select(l => l.Split(',')[0]));
        Assert.EndsWith("-comparison.csv", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
