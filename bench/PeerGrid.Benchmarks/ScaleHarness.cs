using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PeerGrid.Application.Scenarios;
using PeerGrid.Simulation;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Observers;

namespace PeerGrid.Benchmarks;

/// <summary>
/// Times whole runs of a scenario file: load + validate, then simulate with only the community aggregator
/// observing (what every run pays). Prints wall time, ns per household-slot, peak working set and the machine.
/// </summary>
public static class ScaleHarness
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length == 0)
        {
            output.WriteLine("usage: scale SCENARIO [--repeat N] [--threads N] [--mechanism NAME]");
            return 2;
        }
        string path = args[0];
        int repeat = Option(args, "--repeat", 1);
        int threads = Option(args, "--threads", 0);
        int m = Array.IndexOf(args, "--mechanism");
        string? mechanism = m >= 0 && m + 1 < args.Length ? args[m + 1] : null;
        PrintMachine(output);

        var load = Stopwatch.StartNew();
        ScenarioFileResult loaded = ScenarioFiles.Load(path);
        load.Stop();
        if (!loaded.IsValid)
        {
            foreach (var e in loaded.Errors)
            {
                output.WriteLine($"error: {e}");
            }
            return 2;
        }
        var scenario = loaded.Scenario!;
        if (mechanism is not null)
        {
            scenario = scenario with { Mechanism = mechanism };
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario {Path.GetFileName(path)}: {scenario.Households.Count:N0} households, {scenario.SlotMinutes}-min slots, {scenario.Mechanism}; load+validate {load.Elapsed.TotalSeconds:0.000} s"));

        for (int i = 0; i < repeat; i++)
        {
            var aggregate = new CommunityAggregator();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var market = PeerGrid.Application.Markets.MechanismFactory.Create(scenario.Mechanism, scenario.Households.Count);
            RunTotals totals = Simulator.Run(scenario, market, [aggregate], threads: threads);
            clock.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            double householdSlots = (double)totals.SlotCount * scenario.Households.Count;
            using var self = Process.GetCurrentProcess();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1} ({(threads > 0 ? threads : Environment.ProcessorCount)} threads): {totals.SlotCount:N0} slots × {scenario.Households.Count:N0} households = {householdSlots:N0} household-slots in {clock.Elapsed.TotalSeconds:0.000} s wall; {clock.Elapsed.TotalNanoseconds / householdSlots:0.0} ns per household-slot; allocated {allocated / 1e6:0.0} MB; peak working set {self.PeakWorkingSet64 / 1e6:0} MB; residual {totals.MaxResidualKwh:E1} kWh; import {aggregate.ImportKwh:N0} kWh"));
        }
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void PrintMachine(TextWriter output)
    {
        string cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        output.WriteLine($"machine: {cpu}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Server GC {System.Runtime.GCSettings.IsServerGC}");
    }
}
