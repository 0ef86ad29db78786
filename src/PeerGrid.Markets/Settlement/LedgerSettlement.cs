using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;

namespace PeerGrid.Markets.Settlement;

/// <summary>
/// Settles an engine run in a <see cref="Ledger"/>: each slot's money becomes one atomic batch keyed by (community,
/// slot), so a slot can never be settled twice. The market is a central counterparty: buyers pay the platform
/// operator's account and sellers are paid from it; a sharing pool's grid bill goes from that account to the utility
/// and network fees to the grid operator; what remains there is the operator's revenue. Fuel is paid to the utility's
/// account, standing in for an outside supplier.
/// </summary>
public sealed class LedgerSettlement : ISlotSettlement
{
    private readonly Ledger _ledger;
    private readonly int _community;
    private readonly TransferBatch _batch = new(256);

    public LedgerSettlement(Ledger ledger, int community = 0)
    {
        _ledger = ledger;
        _community = community;
    }

    public Ledger Ledger => _ledger;

    public void FillBudgets(long[] budgetMicros)
    {
        for (int h = 0; h < budgetMicros.Length; h++)
        {
            budgetMicros[h] = _ledger.AvailableToPay(AccountId.ForHousehold(h)).Micros;
        }
    }

    public void Settle(SlotMoney money)
    {
        int slot = money.Slot;
        _batch.Reset(SettlementKey.ForSlot(_community, slot));
        for (int h = 0; h < money.GridImportMicros.Length; h++)
        {
            AccountId wallet = AccountId.ForHousehold(h);
            Add(wallet, AccountId.PlatformOperator, money.SubscriptionMicros[h], TransferKind.PlatformFee, slot);
            Add(wallet, AccountId.Utility, money.GridImportMicros[h], TransferKind.GridImport, slot);
            Add(AccountId.Utility, wallet, money.GridExportMicros[h], TransferKind.GridExport, slot);
            Add(wallet, AccountId.Utility, money.FuelMicros[h], TransferKind.Fuel, slot);
            long paid = money.MarketPaidMicros[h];
            if (paid > 0)
            {
                Add(wallet, AccountId.PlatformOperator, paid, TransferKind.P2PEnergy, slot);
            }
            else if (paid < 0)
            {
                Add(AccountId.PlatformOperator, wallet, -paid, TransferKind.P2PEnergy, slot);
            }
        }
        if (money.PoolGridCostMicros > 0)
        {
            Add(AccountId.PlatformOperator, AccountId.Utility, money.PoolGridCostMicros, TransferKind.SharingSettlement, slot);
        }
        else if (money.PoolGridCostMicros < 0)
        {
            Add(AccountId.Utility, AccountId.PlatformOperator, -money.PoolGridCostMicros, TransferKind.SharingSettlement, slot);
        }
        Add(AccountId.PlatformOperator, AccountId.GridOperator, money.GridFeesMicros, TransferKind.GridFee, slot);

        PostResult result = _ledger.Post(_batch);
        if (!result.IsPosted)
        {
            throw new InvalidOperationException($"The ledger refused slot {slot}: {result.Refusal} at transfer {result.RefusedIndex}. The engine sizes purchases to wallets, so this is a bug.");
        }
    }

    private void Add(AccountId from, AccountId to, long micros, TransferKind kind, int slot)
    {
        if (micros > 0)
        {
            _batch.Add(new Transfer(from, to, new Money(micros), kind, slot));
        }
    }
}
