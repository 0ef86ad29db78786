using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;

namespace PeerGrid.Web.Clock;

/// <summary>
/// The live market clock: settles the next slot of every running community each time its interval
/// (SecondsPerSlot, the simulation speed) has passed. Simulated time follows the settled slots, not the wall clock:
/// after a restart the clock resumes from the last settled slot at the configured speed. Operators start, pause,
/// step and change speed through /api/operator/clock; a step settles one slot at once, whether running or not.
/// </summary>
public sealed class MarketClock(
    IServiceScopeFactory scopes,
    SlotSettler settler,
    SlotEvents events,
    TimeProvider time,
    IOptions<ClockOptions> options,
    ILogger<MarketClock> log) : BackgroundService
{
    private readonly Dictionary<long, long> _lastTickTimestamp = [];

    /// <summary>One settlement at a time in this process; the database makes it one at a time across processes.</summary>
    private readonly SemaphoreSlim _settling = new(1, 1);

    /// <summary>Settles the community's next slot now and publishes it. Null when the clock's stop slot is reached.</summary>
    public async Task<SettledSlot?> StepAsync(long communityId, CancellationToken cancel)
    {
        await _settling.WaitAsync(cancel);
        try
        {
            using IServiceScope scope = scopes.CreateScope();
            PlatformDbContext db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            SettledSlot? settled = await settler.SettleNextAsync(db, communityId, options.Value.StopAfterSlot, cancel);
            if (settled is not null)
            {
                events.Publish(settled);
                if (options.Value.AnnounceSettledSlots)
                {
                    await Console.Out.WriteLineAsync($"settled {settled.CommunityId} {settled.Slot}");
                    await Console.Out.FlushAsync(cancel);
                }
            }
            return settled;
        }
        finally
        {
            _settling.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(5, options.Value.TickMilliseconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The clock must survive a failed slot (logged; the slot is retried next tick, nothing was committed).
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogError(e, "settling a slot failed; nothing was committed, the clock retries");
            }
        }
    }

    private async Task TickAsync(CancellationToken cancel)
    {
        List<(long Id, double SecondsPerSlot)> running;
        using (IServiceScope scope = scopes.CreateScope())
        {
            PlatformDbContext db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            running = [.. (await db.Communities.AsNoTracking().Where(c => c.ClockRunning).Select(c => new { c.Id, c.SecondsPerSlot }).ToListAsync(cancel))
                .Select(c => (c.Id, c.SecondsPerSlot))];
        }
        long now = time.GetTimestamp();
        foreach ((long id, double secondsPerSlot) in running)
        {
            if (_lastTickTimestamp.TryGetValue(id, out long last) && time.GetElapsedTime(last, now).TotalSeconds < secondsPerSlot)
            {
                continue;
            }
            _lastTickTimestamp[id] = now;
            SettledSlot? settled = await StepAsync(id, cancel);
            if (settled is null && options.Value.StopAfterSlot is not null)
            {
                await SetRunningAsync(id, false, cancel);
            }
        }
    }

    public async Task SetRunningAsync(long communityId, bool running, CancellationToken cancel)
    {
        using IServiceScope scope = scopes.CreateScope();
        PlatformDbContext db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Communities.Where(c => c.Id == communityId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClockRunning, running), cancel);
    }

    public override void Dispose()
    {
        _settling.Dispose();
        base.Dispose();
    }
}
