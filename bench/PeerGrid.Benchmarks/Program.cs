using BenchmarkDotNet.Running;
using PeerGrid.Benchmarks;

// `scale SCENARIO [--repeat N]`: whole runs, wall time and peak memory (docs/performance.md).
// `settle [--households N] [--slots K] [--provider P]`: live-platform slot settlement with database writes.
// `api-load --url URL [--clients 100]`: API read latency against a running platform with the demo seed.
// `dashboard --url URL --connection CS [--dashboards 200] [--circuits 0]`: dashboard first render and live latency
//   in Chromium pages and headless Blazor Server circuits.
// Anything else goes to BenchmarkDotNet (e.g. `--filter *` for all kernels).
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleHarness.Run(args[1..], Console.Out);
}
if (args.Length > 0 && args[0] == "settle")
{
    return await PeerGrid.Benchmarks.Platform.SettleHarness.RunAsync(args[1..], Console.Out);
}
if (args.Length > 0 && args[0] == "api-load")
{
    return await PeerGrid.Benchmarks.Platform.ApiLoadHarness.RunAsync(args[1..], Console.Out);
}
if (args.Length > 0 && args[0] == "dashboard")
{
    return await PeerGrid.Benchmarks.Platform.DashboardHarness.RunAsync(args[1..], Console.Out);
}
BenchmarkSwitcher.FromAssembly(typeof(ScaleHarness).Assembly).Run(args);
return 0;
