namespace PeerGrid.Markets.Settlement;

/// <summary>
/// Why the ledger did not post a transfer or batch. Refusals are normal outcomes (an empty wallet, a retried
/// request) and change nothing; programming errors (an unknown account) and overflow throw instead.
/// </summary>
public enum TransferRefusal
{
    /// <summary>Posted.</summary>
    None = 0,

    /// <summary>A household wallet would have gone below minus its credit limit.</summary>
    InsufficientFunds = 1,

    /// <summary>A batch with the same settlement key was posted before; it was not posted again.</summary>
    AlreadySettled = 2,
}
