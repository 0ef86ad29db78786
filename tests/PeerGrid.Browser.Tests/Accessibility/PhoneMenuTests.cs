using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Accessibility;

/// <summary>
/// At a phone's width (390 px) the header is the brand and a Menu disclosure, not nine lines of links: the menu opens
/// from the keyboard, its links navigate, and the current page is marked with aria-current.
/// </summary>
public sealed class PhoneMenuTests
{
    /// <summary>Two lines of header: the 2.75rem menu button, the bar's padding and border, and room to spare (px).</summary>
    private const double MaxClosedHeaderPx = 96;

    [BrowserFact]
    public async Task OnAPhone_TheMenuOpensByKeyboard_AndItsLinksNavigate()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app, phone: true);

        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync("demo01@peergrid.local");
        await page.GetByLabel("Password").FillAsync("PeerGrid-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // Closed: the links are out of sight and out of the tab order, and the header stays short.
        ILocator wallet = page.GetByRole(AriaRole.Link, new() { Name = "My Wallet" });
        await Expect(wallet).ToBeHiddenAsync();
        LocatorBoundingBoxResult header = (await page.Locator("header.topbar").BoundingBoxAsync())!;
        Assert.True(header.Height <= MaxClosedHeaderPx, $"the closed header is {header.Height} px tall");

        // Open it with the keyboard: Tab past the skip link and the brand to the menu, then Enter. The page renders
        // again once its circuit is up (which can move focus back to the document): wait for that, then Tab.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        ILocator menu = page.Locator("header details.menu");
        string focused = "";
        for (int i = 0; i < 6 && focused != "SUMMARY"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.tagName");
        }
        Assert.Equal("SUMMARY", focused);
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("open", "");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveAttributeAsync("aria-current", "page");
        await BrowserSession.ScreenshotAsync(page, "phone-menu-open");

        await wallet.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My Wallet", Level = 1 })).ToBeVisibleAsync();
        await Expect(wallet).ToBeHiddenAsync();
        await page.Locator("header summary").ClickAsync();
        await Expect(wallet).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).Not.ToHaveAttributeAsync("aria-current", "page");
    }

    [BrowserFact]
    public async Task OnAWideScreen_TheFullNavigationShows_WithoutAMenu()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        IPage page = await browser.NewPageAsync(app);

        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("header summary")).ToBeHiddenAsync();
    }
}
