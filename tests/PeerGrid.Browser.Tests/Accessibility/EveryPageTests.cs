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
    /// Controls without a name, elements reaching past the viewport's right edge (other than inside a horizontally
    /// scrolling container), and a page that scrolls sideways at all, described for the failure message.
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
          // Also what escapes a scrolling wrapper because its containing block lies outside it (absolutely positioned).
          if (document.documentElement.scrollWidth > width + 1) {
            problems.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + width + ')');
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.right > width + 1) problems.push('past the edge (' + Math.round(r.right) + ', ' + getComputedStyle(el).position + '): ' + el.outerHTML.slice(0, 160));
            }
            // Text overflows without its element doing so: find text past the edge.
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(t);
              const r = range.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1 && !scrolls(t.parentElement) && !t.parentElement.closest('.visually-hidden')) problems.push('text past the edge (' + Math.round(r.right) + '): "' + t.textContent.trim().slice(0, 60) + '" in ' + t.parentElement.outerHTML.slice(0, 120));
            }
          }
          return problems.slice(0, 20);
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

    /// <summary>The keyboard alone reaches the controls and works them: Tab to a button or switch, Enter or Space on it.</summary>
    [BrowserFact]
    public async Task TheKeyboardAlone_ReachesAndWorksTheControls()
    {
        await using BrowserApp app = BrowserApp.Start();
        await using BrowserSession browser = await BrowserSession.LaunchAsync();
        await app.StepAsync();
        IPage page = await browser.NewPageAsync(app);

        // Log in as a demo prosumer with the keyboard only.
        await page.GotoAsync("/login");
        await TabToAsync(page, "E-mail");
        await page.Keyboard.TypeAsync("demo01@peergrid.local");
        await TabToAsync(page, "Password");
        await page.Keyboard.TypeAsync("PeerGrid-demo-2026");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Live: updates when the market settles a slot.")).ToBeVisibleAsync();

        // The chart period: Tab to "Last week", Enter.
        await TabToAsync(page, "Last week");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last week" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Energy per day, last 7 days (kWh)" })).ToBeVisibleAsync();

        // A device switch: Tab to it, Space turns it off.
        await page.GotoAsync("/appliances");
        ILocator fridge = page.GetByRole(AriaRole.Switch).First;
        await Expect(fridge).ToBeEnabledAsync();
        string name = (await fridge.GetAttributeAsync("id"))!;
        bool wasOn = await fridge.IsCheckedAsync();
        for (int i = 0; i < 80 && !await page.EvaluateAsync<bool>($"() => document.activeElement && document.activeElement.id === '{name}'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("from the next slot");
        Assert.NotEqual(wasOn, await fridge.IsCheckedAsync());

        // A form by keyboard alone: the Microwave template (type-ahead in the select), then Tab to the button, Enter.
        ILocator microwaves = page.GetByRole(AriaRole.Switch, new() { Name = "Microwave", Exact = true });
        int before = await microwaves.CountAsync();
        await TabToAsync(page, "Start from a template");
        await page.Keyboard.TypeAsync("Mi");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Microwave");
        await TabToAsync(page, "Add appliance");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Microwave is added; the market counts it from the next slot.");
        await Expect(microwaves).ToHaveCountAsync(before + 1);

        // Top up the wallet: Tab to the amount, type, Enter; the receipt and the ledger row show.
        await page.GotoAsync("/wallet");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show" })).ToBeEnabledAsync(); // interactive: typing is kept
        await TabToAsync(page, "Amount");
        await page.Keyboard.TypeAsync("12.5");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Topped up" })).ToContainTextAsync("Topped up 12.50: the balance is");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "topup" }).Filter(new() { HasText = "12.50" })).Not.ToHaveCountAsync(0);
    }

    /// <summary>Presses Tab until the focused element's accessible name (label or text) is <paramref name="name"/>.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        const string Focused = """
            () => {
              const el = document.activeElement;
              if (!el) return '';
              return ((el.labels && el.labels[0] && el.labels[0].textContent) || el.getAttribute('aria-label') || el.textContent || '').trim();
            }
            """;
        for (int i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>(Focused) == name)
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached \"{name}\" on {page.Url}");
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
