using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>
/// The platform as a real operating-system process (the built PeerGrid.Web.dll under `dotnet`), for tests that kill
/// it. It talks back through standard output: the clock announces each settled slot.
/// </summary>
public sealed class PlatformProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _gate = new();
    private readonly List<(string Line, TaskCompletionSource Seen)> _waiting = [];

    private PlatformProcess(Process process)
    {
        _process = process;
    }

    public static PlatformProcess Start(TestDatabase db, IReadOnlyDictionary<string, string> settings)
    {
        string dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Database__Provider"] = db.Provider;
        info.Environment["Database__ConnectionString"] = db.ConnectionString;
        info.Environment["Platform__SeedDemo"] = "true";
        info.Environment["Platform__ClockAutoStart"] = "true";
        info.Environment["Platform__EpochDate"] = "2026-06-01";
        info.Environment["Platform__SecondsPerSlot"] = "0.05";
        info.Environment["Clock__TickMilliseconds"] = "10";
        info.Environment["Clock__AnnounceSettledSlots"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach ((string k, string v) in settings)
        {
            info.Environment[k] = v;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var self = new PlatformProcess(process);
        process.OutputDataReceived += (_, e) => self.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => self.OnLine(e.Data);
        process.Exited += (_, _) => self.OnExit();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return self;
    }

    /// <summary>Completes when the process prints <paramref name="line"/>; fails if it exits first or in 3 minutes.</summary>
    public async Task WaitForLineAsync(string line)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.Contains(line))
            {
                return;
            }
            _waiting.Add((line, seen));
        }
        try
        {
            await seen.Task.WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the platform process did not print '{line}' in time; it printed:\n{Output}");
        }
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs, open transactions are simply cut off.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.Add(line);
            foreach ((string wanted, TaskCompletionSource seen) in _waiting.Where(w => w.Line == line).ToList())
            {
                seen.TrySetResult();
                _waiting.Remove((wanted, seen));
            }
        }
    }

    private void OnExit()
    {
        lock (_gate)
        {
            foreach ((_, TaskCompletionSource seen) in _waiting)
            {
                seen.TrySetException(new InvalidOperationException($"the platform process exited; it printed:\n{string.Join('\n', _output.TakeLast(60))}"));
            }
            _waiting.Clear();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    /// <summary>A context on a test database, outside any host.</summary>
    public static PlatformDbContext OpenDb(TestDatabase db) => PersistenceServices.Open(db.Provider, db.ConnectionString);
}
