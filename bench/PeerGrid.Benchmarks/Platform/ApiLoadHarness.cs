using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// `api-load --url URL [--clients 100] [--seconds 20] [--users N]`: against a running platform with the demo seed,
/// logs in the demo prosumers (demo01…), then each of the clients loops: GET /api/me/wallet, then GET
/// /api/me/readings (the last day). Prints requests per second and latency percentiles per endpoint, measured at
/// the client (so including HTTP and loopback).
/// </summary>
internal static class ApiLoadHarness
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080");
        int clients = int.Parse(Option(args, "--clients") ?? "100", CultureInfo.InvariantCulture);
        int seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        int users = int.Parse(Option(args, "--users") ?? "12", CultureInfo.InvariantCulture);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = url };

        var tokens = new List<string>();
        for (int u = 1; u <= users; u++)
        {
            HttpResponseMessage login = await http.PostAsJsonAsync("/api/auth/login", new { email = $"demo{u:00}@peergrid.local", password = "PeerGrid-demo-2026" });
            login.EnsureSuccessStatusCode();
            tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }

        var wallet = new List<double>[clients];
        var readings = new List<double>[clients];
        int errors = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            wallet[c] = [];
            readings[c] = [];
            var auth = new AuthenticationHeaderValue("Bearer", tokens[c % tokens.Count]);
            while (!stop.IsCancellationRequested)
            {
                if (!await TimeAsync(http, "/api/me/wallet", auth, wallet[c]) || !await TimeAsync(http, "/api/me/readings", auth, readings[c]))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        double elapsed = total.Elapsed.TotalSeconds;
        Report(output, "GET /api/me/wallet", [.. wallet.SelectMany(x => x)], elapsed);
        Report(output, "GET /api/me/readings (96 slots)", [.. readings.SelectMany(x => x)], elapsed);
        output.WriteLine($"{clients} clients, {elapsed:F1} s, {errors} failed requests");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<bool> TimeAsync(HttpClient http, string path, AuthenticationHeaderValue auth, List<double> into)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        long t0 = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        into.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        return response.IsSuccessStatusCode;
    }

    private static void Report(TextWriter output, string name, List<double> ms, double seconds)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        output.WriteLine($"{name}: {ms.Count / seconds:F0} requests/s, p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms ({ms.Count} requests)");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
