using Microsoft.Extensions.Options;
using PeerGrid.Persistence.Platform;

namespace PeerGrid.Web.Clock;

/// <summary>The crash test's probe (<see cref="ClockOptions.HangBeforeCommitAtSlot"/>); does nothing unless configured.</summary>
internal sealed class HangProbe(IOptions<ClockOptions> options) : ISettlementProbe
{
    public async Task BeforeCommitAsync(long communityId, long slot, CancellationToken cancel)
    {
        if (options.Value.HangBeforeCommitAtSlot == slot)
        {
            await Console.Out.WriteLineAsync($"hanging-before-commit {communityId} {slot}");
            await Console.Out.FlushAsync(cancel);
            await Task.Delay(Timeout.Infinite, cancel);
        }
    }
}
