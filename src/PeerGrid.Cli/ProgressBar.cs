using System.Diagnostics;

namespace PeerGrid.Cli;

/// <summary>
/// A one-line progress bar with ETA on standard error, shown only once a run has taken more than a second, redrawn
/// at most ten times a second. The wall clock lives here, at the edge, never in the engine.
/// </summary>
internal sealed class ProgressBar(TextWriter stderr, Stopwatch clock)
{
    private const int Width = 30;
    private long _lastDrawMs = -1000;
    private bool _shown;

    public void Report(int done, int total)
    {
        long ms = clock.ElapsedMilliseconds;
        if (ms < 1000 || ms - _lastDrawMs < 100 || total <= 0)
        {
            return;
        }
        _lastDrawMs = ms;
        _shown = true;
        double fraction = (double)done / total;
        int filled = (int)(fraction * Width);
        double etaSeconds = fraction > 0 ? ms / 1000.0 * (1 - fraction) / fraction : 0;
        stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,5:P0}  {done}/{total} slots  ETA {TimeSpan.FromSeconds(Math.Ceiling(etaSeconds)):hh\\:mm\\:ss} ");
    }

    public void Finish()
    {
        if (_shown)
        {
            stderr.WriteLine($"\r[{new string('#', Width)}] 100 %  done in {clock.Elapsed.TotalSeconds:0.0} s                 ");
        }
    }

    public void Clear()
    {
        if (_shown)
        {
            stderr.WriteLine();
        }
    }
}
