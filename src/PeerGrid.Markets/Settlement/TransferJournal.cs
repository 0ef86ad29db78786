namespace PeerGrid.Markets.Settlement;

/// <summary>
/// An observer that keeps every posted transfer and batch in memory, in order: for tests, exports and small
/// runs. Memory grows with every transfer (64 bytes each), so whole-year runs of large communities stream to
/// their own observer instead.
/// </summary>
public sealed class TransferJournal : ILedgerObserver
{
    private readonly List<Transfer> _transfers = [];
    private readonly List<PostedBatch> _batches = [];

    /// <summary>Every posted transfer, by sequence (index i holds sequence i + 1 when attached from the start).</summary>
    public IReadOnlyList<Transfer> Transfers => _transfers;

    /// <summary>Every posted batch, by number.</summary>
    public IReadOnlyList<PostedBatch> Batches => _batches;

    public void OnPosted(in PostedBatch batch, ReadOnlySpan<Transfer> transfers)
    {
        _batches.Add(batch);
        _transfers.AddRange(transfers);
    }
}
