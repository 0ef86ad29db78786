using BenchmarkDotNet.Running;
using PeerGrid.Benchmarks;

// `scale SCENARIO [--repeat N]`: whole runs, wall time and peak memory (docs/performance.md).
// Anything else goes to BenchmarkDotNet (e.g. `--filter *` for all kernels).
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleHarness.Run(args[1..], Console.Out);
}
BenchmarkSwitcher.FromAssembly(typeof(ScaleHarness).Assembly).Run(args);
return 0;
