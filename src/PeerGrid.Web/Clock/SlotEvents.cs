using System.Threading.Channels;
using PeerGrid.Persistence.Platform;

namespace PeerGrid.Web.Clock;

/// <summary>
/// Publishes every settled slot to whoever listens (the server-sent event stream, the dashboard). A slow subscriber
/// loses its oldest events rather than slowing the clock.
/// </summary>
public sealed class SlotEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<SettledSlot>> _subscribers = [];

    public void Publish(SettledSlot slot)
    {
        lock (_gate)
        {
            foreach (Channel<SettledSlot> c in _subscribers)
            {
                c.Writer.TryWrite(slot);
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// Registers a subscriber now (so nothing settled after this call is missed) and returns its feed; disposing it
    /// unsubscribes.
    /// </summary>
    public Subscription Subscribe()
    {
        Channel<SettledSlot> channel = Channel.CreateBounded<SettledSlot>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return new Subscription(this, channel);
    }

    private void Remove(Channel<SettledSlot> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }

    /// <summary>One subscriber's feed of settled slots.</summary>
    public sealed class Subscription(SlotEvents owner, Channel<SettledSlot> channel) : IDisposable
    {
        public IAsyncEnumerable<SettledSlot> ReadAllAsync(CancellationToken cancel) => channel.Reader.ReadAllAsync(cancel);

        public void Dispose() => owner.Remove(channel);
    }
}
