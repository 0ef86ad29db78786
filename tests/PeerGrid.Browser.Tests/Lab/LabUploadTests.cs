using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Lab;

/// <summary>
/// The lab's upload mode in Chromium: a scenario file and its profile CSV (Lab/Files) go through the file inputs; a wrong
/// CSV and broken JSON are refused with messages naming the file and the field; the right pair runs, and the day view
/// and the per-slot download show the run slot by slot.
/// </summary>
public sealed class LabUploadTests
{
    private const string OperatorEmail = "operator@peergrid.local";
    private const string OperatorPassword = "PeerGrid-operator-2026";

    private static string FileOf(string name) => Path.Combine(AppContext.BaseDirectory, "Lab", "Files", name);

    [BrowserFact]
    public async Task AnOperator_UploadsAScenarioAndItsProfile_SeesUploadErrors_ThenRunsIt_AndReadsItSlotBySlot()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);

        await page.GotoAsync("/login?ReturnUrl=%2Flab");
        await page.GetByLabel("E-mail").FillAsync(OperatorEmail);
        await page.GetByLabel("Password").FillAsync(OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scenario lab", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true })).ToBeEnabledAsync();

        ILocator uploadMode = page.GetByLabel("an example or a scenario file");
        await uploadMode.CheckAsync();
        await Expect(uploadMode).ToBeCheckedAsync();
        ILocator scenarioFile = page.GetByLabel("Scenario file (JSON");
        ILocator profileFiles = page.GetByLabel("Profile files the scenario names");
        ILocator check = page.GetByRole(AriaRole.Button, new() { Name = "Check scenario" });
        ILocator alert = page.GetByRole(AriaRole.Alert);

        // Broken JSON: the reader's syntax error, at the file's line and column.
        await scenarioFile.SetInputFilesAsync(FileOf("lab-broken.json"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Read lab-broken.json");
        await check.ClickAsync();
        await Expect(alert).ToContainTextAsync("lab-broken.json:");

        // The scenario with a CSV it does not name: the profile's field, the missing file and what was uploaded instead.
        await scenarioFile.SetInputFilesAsync(FileOf("lab-upload.json"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Read lab-upload.json");
        await profileFiles.SetInputFilesAsync(FileOf("lab-other.csv"));
        await Expect(page.GetByText("Uploaded: lab-other.csv")).ToBeVisibleAsync();
        await check.ClickAsync();
        await Expect(alert).ToContainTextAsync("profiles.meter");
        await Expect(alert).ToContainTextAsync("lab-load.csv was not uploaded (uploaded: lab-other.csv)");

        // The right profile: valid, then run under the default mechanism.
        await profileFiles.SetInputFilesAsync(FileOf("lab-load.csv"));
        await Expect(page.GetByText("Uploaded: lab-load.csv")).ToBeVisibleAsync();
        await check.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "valid" })).ToContainTextAsync("lab-upload: valid — 6 households, 60-minute slots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();

        ILocator progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Run progress" });
        await Expect(progress).ToHaveAttributeAsync("value", "100", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Finished" })).ToContainTextAsync("6 households under 1 mechanism");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results of pay-as-clear" })).ToBeVisibleAsync();

        // The day view: the first day, then the next by button and back by the date field.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slot by slot on 2 Jun 2025" })).ToBeVisibleAsync();
        ILocator prices = page.GetByRole(AriaRole.Group, new() { Name = "Prices slot by slot under pay-as-clear" });
        await Expect(prices.Locator(".rz-chart svg").First).ToBeVisibleAsync();
        await Expect(prices).ToContainTextAsync("pay-as-clear: P2P price from");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous day" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next day" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slot by slot on 3 Jun 2025" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next day" })).ToBeDisabledAsync();
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync("2025-06-02");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slot by slot on 2 Jun 2025" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "lab-upload");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download pay-as-clear per-slot CSV" }).ClickAsync());
        string[] lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimEnd('\n').Split('\n');
        Assert.StartsWith("mechanism,slot,startLocal,importPrice,exportPrice,p2pPrice,", lines[0], StringComparison.Ordinal);
        Assert.Equal(48, lines.Length - 1); // two days of hourly slots
        Assert.EndsWith("-pay-as-clear-slots.csv", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
