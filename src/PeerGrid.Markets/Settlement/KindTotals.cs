using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Settlement;

/// <summary>
/// One account's turnover of one <see cref="TransferKind"/> since the ledger began, for bills: e.g. a
/// household's GridImport <see cref="Debited"/> is what it spent on grid energy, its P2PEnergy
/// <see cref="Credited"/> what it earned from peers.
/// </summary>
/// <param name="Debited">Sum of the amounts it paid, micro-units, ≥ 0.</param>
/// <param name="Credited">Sum of the amounts it received, micro-units, ≥ 0.</param>
public readonly record struct KindTotals(Money Debited, Money Credited)
{
    /// <summary>Credited − Debited: positive when the account gained money by this kind.</summary>
    public Money Net => Credited - Debited;
}
