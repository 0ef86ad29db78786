namespace PeerGrid.Markets.Settlement;

/// <summary>
/// A batch the ledger has posted: its key and where its transfers sit in the ledger's history
/// (sequences <see cref="FirstSequence"/> … <see cref="FirstSequence"/> + <see cref="Count"/> − 1).
/// Stored with the transfers, it lets an auditor tie every transfer to the settlement it belongs to.
/// </summary>
/// <param name="Number">1, 2, 3, … in posting order.</param>
/// <param name="Key">The settlement it performed; unique in the ledger.</param>
/// <param name="FirstSequence">The sequence of its first transfer (the next sequence if it had none).</param>
/// <param name="Count">Its number of transfers, ≥ 0: an empty batch still marks its key as settled.</param>
public readonly record struct PostedBatch(long Number, SettlementKey Key, long FirstSequence, int Count);
