namespace PeerGrid.Markets.Auctions;

/// <summary>
/// A double-auction clearing rule. Called once per slot per market with a filled <see cref="OrderBook"/>; it overwrites
/// the <see cref="ClearingResult"/> completely. Implementations are deterministic, keep their scratch buffers between calls
/// (so one instance must not be used by two threads at once) and do not allocate once their buffers have grown to
/// the largest book seen.
/// </summary>
public interface IClearingMechanism
{
    /// <summary>Short name for reports, e.g. "pay-as-clear".</summary>
    string Name { get; }

    void Clear(OrderBook book, ClearingResult result);
}
