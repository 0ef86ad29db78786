namespace PeerGrid.Application.Platform;

/// <summary>
/// One ledger transfer of a slot's settlement, in posting order: <paramref name="AmountMicros"/> (&gt; 0, micro-units)
/// leaves <paramref name="FromAccount"/> and reaches <paramref name="ToAccount"/> (names: <see cref="LiveAccounts"/>).
/// </summary>
/// <param name="Kind">The <see cref="PeerGrid.Markets.Settlement.TransferKind"/> name, e.g. "GridImport", "P2PEnergy".</param>
/// <param name="HouseholdId">The household paying or paid; null between system accounts.</param>
public sealed record LiveTransfer(string FromAccount, string ToAccount, long AmountMicros, string Kind, string? HouseholdId);
