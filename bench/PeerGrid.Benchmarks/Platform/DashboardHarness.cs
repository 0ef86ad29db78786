using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeerGrid.Persistence;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// `dashboard --url URL --connection CS [--provider sqlite|postgresql] [--dashboards 200] [--circuits 0] [--slots 10]
/// [--chromium PATH] [--server-pid PID]`: against a running platform on a fresh database with its clock paused
/// (docs/performance.md has the command): registers N + M prosumers, writes a year of history for every household
/// (<see cref="YearOfReadings"/>), then
/// 1. times GET /dashboard, the server's first render of the page with the user's data, once per user (loopback, so
///    request time ≈ server time);
/// 2. opens N dashboards in Chromium, one browser profile per user, and M headless circuits
///    (<see cref="HeadlessCircuit"/>), waits until each is live, then has the operator step the clock K times. Each
///    page records (Date.now) when its "Last settled slot" label shows the new slot; each circuit records when a render
///    batch carrying that label arrives. The latency is that time minus the moment the slot was published (the
///    server-sent event reaching this process). With --server-pid, the CPU time of the server, Chromium and the harness
///    over the K steps is printed too.
/// </summary>
internal static partial class DashboardHarness
{
    private const string Password = "Bench-dashboard-2026";
    private const string Operator = "operator@peergrid.local";
    private const string OperatorPassword = "PeerGrid-operator-2026";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080");
        string connection = Option(args, "--connection") ?? throw new ArgumentException("--connection names the platform's database");
        string provider = Option(args, "--provider") ?? DatabaseProviders.Sqlite;
        int dashboards = int.Parse(Option(args, "--dashboards") ?? "200", CultureInfo.InvariantCulture);
        int circuits = int.Parse(Option(args, "--circuits") ?? "0", CultureInfo.InvariantCulture);
        int users = dashboards + circuits;
        int? serverPid = Option(args, "--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null;
        int slots = int.Parse(Option(args, "--slots") ?? "10", CultureInfo.InvariantCulture);
        string chromium = Option(args, "--chromium") ?? Environment.GetEnvironmentVariable("PEERGRID_CHROMIUM") ?? "/usr/bin/chromium";
        // Again on a database an earlier run prepared: log the users in, write nothing.
        bool again = args.Contains("--again");

        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();
        var cookies = new List<(string Name, string Value)>();
        for (int u = 0; u < users; u++)
        {
            string email = $"bench{u:000}@dashboard.local";
            if (!again)
            {
                using HttpResponseMessage reg = await http.PostAsJsonAsync("/api/auth/register", new { email, password = Password, householdName = $"Bench home {u}" });
                if (!reg.IsSuccessStatusCode)
                {
                    output.WriteLine($"register {email}: {(int)reg.StatusCode} {await reg.Content.ReadAsStringAsync()} (set RateLimits__AuthPermitsPerMinute high)");
                    return 1;
                }
            }
            cookies.Add(await CookieAsync(http, email, Password));
        }
        output.WriteLine($"registered and logged in {users} prosumers in {clock.Elapsed.TotalSeconds:F1} s");

        if (!again)
        {
            clock.Restart();
            await using (PlatformDbContext db = PersistenceServices.Open(provider, connection))
            {
                await YearOfReadings.WriteAsync(db, output);
            }
            output.WriteLine($"year of history written in {clock.Elapsed.TotalSeconds:F1} s ({provider})");
        }

        // 1. First render, once per user: the first ever is the cold server, the rest each user's first visit.
        var render = new List<double>();
        for (int u = 0; u < users; u++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
            request.Headers.Add("Cookie", $"{cookies[u].Name}={cookies[u].Value}");
            long t0 = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await http.SendAsync(request);
            string html = await response.Content.ReadAsStringAsync();
            render.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (!response.IsSuccessStatusCode || !html.Contains("This month&#x27;s bill", StringComparison.Ordinal))
            {
                output.WriteLine($"GET /dashboard for user {u}: {(int)response.StatusCode}, not the dashboard");
                return 1;
            }
        }
        output.WriteLine($"first render GET /dashboard, a year of readings: first (cold server) {render[0]:F1} ms; " +
            $"then per user {Stats(render.Skip(1).ToList())}");

        // 2. Live: N dashboards in Chromium and M headless circuits, K slots.
        string operatorToken = await TokenAsync(http, Operator, OperatorPassword);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--renderer-process-limit=16", "--disable-renderer-backgrounding"],
        });
        clock.Restart();
        var pages = new IPage[dashboards];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, dashboards).Select(async u =>
            {
                await gate.WaitAsync();
                try
                {
                    IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url.ToString() });
                    await context.AddCookiesAsync([new Cookie { Name = cookies[u].Name, Value = cookies[u].Value, Url = url.ToString() }]);
                    context.SetDefaultTimeout(120_000);
                    IPage page = await context.NewPageAsync();
                    await page.GotoAsync("/dashboard");
                    await page.GetByText("Live: updates when the market settles a slot.").WaitForAsync();
                    await page.EvaluateAsync(WatchLabel);
                    pages[u] = page;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        output.WriteLine($"{dashboards} dashboards open and live in {clock.Elapsed.TotalSeconds:F1} s");
        HeadlessCircuit[] headless = await OpenCircuitsAsync(http, url, cookies.Skip(dashboards).ToList(), output);
        try
        {
            return await StepAsync(http, operatorToken, pages, headless, slots, serverPid, output);
        }
        finally
        {
            await Task.WhenAll(headless.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static async Task<HeadlessCircuit[]> OpenCircuitsAsync(HttpClient http, Uri url, List<(string Name, string Value)> cookies, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var headless = new HeadlessCircuit[cookies.Count];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, cookies.Count).Select(async c =>
            {
                await gate.WaitAsync();
                try
                {
                    headless[c] = await HeadlessCircuit.OpenAsync(http, url, cookies[c], CancellationToken.None);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        output.WriteLine($"{headless.Length} headless circuits open and live in {clock.Elapsed.TotalSeconds:F1} s");
        if (headless.Length > 0)
        {
            // The dashboard renders on slot events only: a quiet spell without a slot must bring no render batch. The
            // 2 s first let each chart's re-render at its measured size (after Radzen.createChart answers) arrive.
            await Task.Delay(TimeSpan.FromSeconds(2));
            int before = headless.Sum(h => h.Batches);
            await Task.Delay(TimeSpan.FromSeconds(5));
            output.WriteLine($"render batches at the {headless.Length} circuits over 5 s without a slot: {headless.Sum(h => h.Batches) - before}");
        }
        return headless;
    }

    private static async Task<int> StepAsync(HttpClient http, string operatorToken, IPage[] pages, HeadlessCircuit[] headless, int slots,
        int? serverPid, TextWriter output)
    {
        var published = new Dictionary<long, long>();
        using var stopEvents = new CancellationTokenSource();
        Task events = ListenAsync(http, operatorToken, published, stopEvents.Token);
        await Task.Delay(500);
        var latency = new List<double>();
        var fromStep = new List<double>();
        var circuitLatency = new List<double>();
        var circuitFromStep = new List<double>();
        int batchesBefore = headless.Sum(h => h.Batches);
        CpuSplit cpuBefore = CpuSplit.Sample(serverPid);
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < slots; k++)
        {
            long stepAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            using var step = new HttpRequestMessage(HttpMethod.Post, "/api/operator/clock/step");
            step.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
            using HttpResponseMessage stepped = await http.SendAsync(step);
            JsonElement body = await stepped.Content.ReadFromJsonAsync<JsonElement>();
            long slot = body.GetProperty("slot").GetInt64();
            Task<long[]> received = Task.WhenAll(headless.Select(h => h.WhenSlotShownAsync(slot)));
            var seen = new double[pages.Length];
            for (int u = 0; u < pages.Length; u++)
            {
                seen[u] = await pages[u].EvaluateAsync<double>($"() => window.__when({slot})");
            }
            long[] batchAt = await received.WaitAsync(TimeSpan.FromMinutes(2));
            long at;
            lock (published)
            {
                at = published.TryGetValue(slot, out long t) ? t : stepAt;
            }
            latency.AddRange(seen.Select(s => s - at));
            fromStep.AddRange(seen.Select(s => s - stepAt));
            circuitLatency.AddRange(batchAt.Select(s => (double)(s - at)));
            circuitFromStep.AddRange(batchAt.Select(s => (double)(s - stepAt)));
            output.WriteLine($"slot {slot}: settled {at - stepAt} ms after the step request; after it was published, on all {pages.Length} " +
                $"dashboards {(seen.Length > 0 ? seen.Max() - at : 0):F0} ms, at all {headless.Length} circuits {(batchAt.Length > 0 ? batchAt.Max() - at : 0)} ms");
        }
        TimeSpan stepping = clock.Elapsed;
        CpuSplit cpu = CpuSplit.Sample(serverPid) - cpuBefore;
        await stopEvents.CancelAsync();
        await events.ContinueWith(_ => { }, TaskScheduler.Default);
        if (pages.Length > 0)
        {
            output.WriteLine($"published → shown, {pages.Length} dashboards × {slots} slots: {Stats(latency)}");
            output.WriteLine($"step request → shown (includes settling the slot): {Stats(fromStep)}");
        }
        if (headless.Length > 0)
        {
            output.WriteLine($"published → render batch received, {headless.Length} headless circuits × {slots} slots: {Stats(circuitLatency)}");
            output.WriteLine($"step request → render batch received (includes settling the slot): {Stats(circuitFromStep)}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"render batches per circuit per slot: {(headless.Sum(h => h.Batches) - batchesBefore) / (double)(headless.Length * slots):F2}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU over the {slots} steps ({stepping.TotalSeconds:F1} s): {cpu}{(serverPid is null ? " (server: pass --server-pid)" : "")}"));
        return 0;
    }

    /// <summary>
    /// Records, per slot number, when the page's "Last settled slot" label first shows it; window.__when(slot) resolves
    /// with that time once it is known (no polling in the page: the observer resolves the waiter).
    /// </summary>
    private const string WatchLabel = """
        () => {
          const seen = {}, waiters = {};
          window.__when = slot => new Promise(resolve => seen[slot] ? resolve(seen[slot]) : (waiters[slot] = resolve));
          const read = () => {
            const label = document.querySelector('[aria-label="Last settled slot"]');
            const m = label && /Slot (\d+)/.exec(label.textContent);
            if (m && !seen[m[1]]) {
              seen[m[1]] = Date.now();
              if (waiters[m[1]]) waiters[m[1]](seen[m[1]]);
            }
          };
          new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
          read();
        }
        """;

    private static async Task ListenAsync(HttpClient http, string token, Dictionary<long, long> published, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/market/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && SlotNumber().Match(line) is { Success: true } m)
            {
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                lock (published)
                {
                    published.TryAdd(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), now);
                }
            }
        }
    }

    private static async Task<(string Name, string Value)> CookieAsync(HttpClient http, string email, string password)
    {
        using HttpResponseMessage login = await http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        login.EnsureSuccessStatusCode();
        string header = login.Headers.GetValues("Set-Cookie").First();
        string pair = header.Split(';')[0];
        int eq = pair.IndexOf('=', StringComparison.Ordinal);
        return (pair[..eq], pair[(eq + 1)..]);
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        using HttpResponseMessage login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static string Stats(List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        return string.Create(CultureInfo.InvariantCulture, $"median {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {ms[^1]:F1} ms ({ms.Count} samples)");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    [GeneratedRegex("\"slot\"\\s*:\\s*(\\d+)")]
    private static partial Regex SlotNumber();
}
