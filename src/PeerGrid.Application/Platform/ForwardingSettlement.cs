using PeerGrid.Domain.Trading;

namespace PeerGrid.Application.Platform;

/// <summary>
/// The settlement a cached stepper is built with; each live slot points it at that slot's own fresh ledger, so a
/// compiled day is reused while no money state survives from one call to the next.
/// </summary>
internal sealed class ForwardingSettlement : ISlotSettlement
{
    public ISlotSettlement? Target { get; set; }

    public void FillBudgets(long[] budgetMicros) => Current.FillBudgets(budgetMicros);

    public void Settle(SlotMoney money) => Current.Settle(money);

    private ISlotSettlement Current => Target ?? throw new InvalidOperationException("A live slot runs only with its ledger attached.");
}
