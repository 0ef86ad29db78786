using System.Globalization;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// CPU seconds (user + system, from /proc) used so far by the server process, by the Chromium processes this harness
/// started, and by the harness itself with its other child processes (Playwright's driver). Linux only; the difference
/// of two samples is the split over a stretch of the run. Processes that exit between the samples drop out.
/// </summary>
internal readonly record struct CpuSplit(double ServerSeconds, double ChromiumSeconds, double HarnessSeconds)
{
    /// <summary>Linux reports process times in USER_HZ ticks, 100 per second on every mainstream architecture.</summary>
    private const double TicksPerSecond = 100;

    public static CpuSplit Sample(int? serverPid)
    {
        var processes = new List<(int Pid, int Parent, string Name, double Seconds)>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && Read(pid) is { } p)
            {
                processes.Add(p);
            }
        }
        int self = Environment.ProcessId;
        var mine = new HashSet<int> { self };
        // Parents before children is not guaranteed by pid order: repeat until no process joins the tree.
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var p in processes.Where(p => !mine.Contains(p.Pid) && mine.Contains(p.Parent)))
            {
                grew |= mine.Add(p.Pid);
            }
        }
        var descendants = processes.Where(p => mine.Contains(p.Pid)).ToList();
        return new CpuSplit(
            processes.Where(p => p.Pid == serverPid).Sum(p => p.Seconds),
            descendants.Where(p => p.Name.StartsWith("chrom", StringComparison.Ordinal)).Sum(p => p.Seconds),
            descendants.Where(p => !p.Name.StartsWith("chrom", StringComparison.Ordinal)).Sum(p => p.Seconds));
    }

    public static CpuSplit operator -(CpuSplit a, CpuSplit b) =>
        new(a.ServerSeconds - b.ServerSeconds, a.ChromiumSeconds - b.ChromiumSeconds, a.HarnessSeconds - b.HarnessSeconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"server {ServerSeconds:F1} s, Chromium {ChromiumSeconds:F1} s, harness {HarnessSeconds:F1} s");

    /// <summary>/proc/PID/stat: "pid (name) state ppid ... utime stime ..."; the name may hold spaces, so split after ')'.</summary>
    private static (int, int, string, double)? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        int open = stat.IndexOf('(', StringComparison.Ordinal), close = stat.LastIndexOf(')');
        string[] f = stat[(close + 2)..].Split(' ');
        // After the name: [0] state, [1] ppid, ..., [11] utime, [12] stime.
        double ticks = double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture);
        return (pid, int.Parse(f[1], CultureInfo.InvariantCulture), stat[(open + 1)..close], ticks / TicksPerSecond);
    }
}
