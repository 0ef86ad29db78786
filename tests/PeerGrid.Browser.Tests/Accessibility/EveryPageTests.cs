using Microsoft.Playwright;
using PeerGrid.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerGrid.Browser.Tests.Accessibility;

/// <summary>
/// Every page, for a prosumer and for the operator, at a phone's width (390 px): nothing wider than the screen but
/// what scrolls on its own (tables in their wrapper), and every form control and button with an accessible name, so a
/// screen reader and a keyboard user can reach and name everything.
/// </summary>
public sealed class EveryPageTests
{
    private const string Password = "Correct-horse-42";

    private static readonly string[] ProsumerPages = ["/dashboard", "/appliances", "/generators", "/batteries", "/preferences", "/wallet", "/traders", "/transactions", "/market"];

    private static readonly string[] OperatorPages = ["/operator/clock", "/operator/settings", "/operator/users", "/lab"];

    /// <summary>
    /// Controls without a name, and elements reaching past the viewport's right edge (other than inside a horizontally
    /// scrolling container), described for the failure message.
    /// </summary>
    private const string Problems = """
        () => {
          const problems = [];
          const named = el => (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
            || (el.tagName === 'BUTTON' && el.textContent.trim().length > 0) || el.title;
          for (const el of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')) {
            if (!named(el)) problems.push('no accessible name: ' + el.outerHTML.slice(0, 120));
          }
          const width = document.documentElement.clientWidth;
          const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
          for (const el of document.querySelectorAll('main *')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 1 && !scrolls(el)) problems.push('wider than the screen (' + Math.round(r.right) + ' > ' + width + '): ' + el.outerHTML.slice(0, 120));
          }
          return problems.slice(0, 10);
        }
        """;

    [BrowserFact]
    public async Task EveryPage_FitsAPhone_AndEveryControlHasAName()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        await app.StepAsync();

        IPage prosumer = await browser.NewPageAsync(app, phone: true);
        await prosumer.GotoAsync("/register");
        await prosumer.GetByLabel("E-mail").FillAsync($"phone{Guid.NewGuid():N}@example.org");
        await prosumer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await prosumer.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(prosumer.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(prosumer, ProsumerPages, "phone");

        IPage op = await browser.NewPageAsync(app, phone: true);
        await op.GotoAsync("/login");
        await op.GetByLabel("E-mail").FillAsync("operator@peergrid.local");
        await op.GetByLabel("Password").FillAsync("PeerGrid-operator-2026");
        await op.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Clock", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(op, OperatorPages, "phone-operator");

        IPage anonymous = await browser.NewPageAsync(app, phone: true);
        await CheckAsync(anonymous, ["/login", "/register"], "phone-account");
    }

    private static async Task CheckAsync(IPage page, string[] paths, string screenshotPrefix)
    {
        foreach (string path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            // Interactive pages render again once their circuit is up: check what the user finally sees.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            string[] problems = await page.EvaluateAsync<string[]>(Problems);
            Assert.True(problems.Length == 0, $"{path} at 390 px:\n{string.Join('\n', problems)}");
            await BrowserSession.ScreenshotAsync(page, screenshotPrefix + path.Replace('/', '-'));
        }
    }
}
