namespace PeerGrid.Markets.Settlement;

/// <summary>
/// Receives every batch the ledger posts, in posting order, right after it is applied: for CSV export,
/// persistence or a <see cref="TransferJournal"/>. The span is the poster's buffer and is valid only during the
/// call, so an observer that keeps transfers copies them (they are values). An observer must not post to the
/// ledger it observes; if it throws, the batch stays posted and the exception reaches the poster.
/// </summary>
public interface ILedgerObserver
{
    void OnPosted(in PostedBatch batch, ReadOnlySpan<Transfer> transfers);
}
