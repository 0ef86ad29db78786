using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;

namespace PeerGrid.Markets.Tests.Settlement;

/// <summary>Small hand-computed settlements: every balance and total is checked against arithmetic done by hand.</summary>
public class LedgerHandCaseTests
{
    private static readonly AccountId Alice = AccountId.ForHousehold(0);
    private static readonly AccountId Bob = AccountId.ForHousehold(1);

    private static Money Eur(decimal units) => Money.FromDecimal(units);

    private static void TopUp(Ledger ledger, AccountId wallet, decimal units, Guid request) =>
        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(SettlementKey.ForRequest(request), new Transfer(AccountId.Funding, wallet, Eur(units), TransferKind.TopUp, 0), out _));

    [Fact]
    public void P2PTrade_WithGridAndPlatformFees_MovesExactlyTheHandComputedAmounts()
    {
        var ledger = new Ledger(2);
        var journal = new TransferJournal();
        ledger.AddObserver(journal);
        TopUp(ledger, Alice, 10m, Guid.Parse("00000000-0000-0000-0000-000000000001"));

        // Slot 5: Alice buys 3 kWh from Bob at 0.25 €/kWh = 0.75 €; the grid operator charges the buyer
        // 0.03 €/kWh = 0.09 €; the platform charges each side 1 cent.
        var reference = new TransferReference(tradeId: 17, buyOrderId: 3, sellOrderId: 4);
        var batch = new TransferBatch();
        batch.Reset(SettlementKey.ForSlot(0, 5));
        batch.Add(new Transfer(Alice, Bob, Price.FromDecimal(0.25m).CostOf(MeteredEnergy.FromKwh(3)), TransferKind.P2PEnergy, 5, reference));
        batch.Add(new Transfer(Alice, AccountId.GridOperator, Eur(0.09m), TransferKind.GridFee, 5, reference));
        batch.Add(new Transfer(Alice, AccountId.PlatformOperator, Eur(0.01m), TransferKind.PlatformFee, 5, reference));
        batch.Add(new Transfer(Bob, AccountId.PlatformOperator, Eur(0.01m), TransferKind.PlatformFee, 5, reference));

        PostResult result = ledger.Post(batch);

        Assert.True(result.IsPosted);
        Assert.Equal(new PostedBatch(2, SettlementKey.ForSlot(0, 5), 2, 4), result.Batch);
        Assert.Equal(Eur(9.15m), ledger.Balance(Alice));
        Assert.Equal(Eur(0.74m), ledger.Balance(Bob));
        Assert.Equal(Eur(0.09m), ledger.Balance(AccountId.GridOperator));
        Assert.Equal(Eur(0.02m), ledger.Balance(AccountId.PlatformOperator));
        Assert.Equal(Eur(-10m), ledger.Balance(AccountId.Funding));
        Assert.True(ledger.ComputeTrialBalance().IsBalanced);

        Assert.Equal(new KindTotals(Eur(0.75m), Money.Zero), ledger.Totals(Alice, TransferKind.P2PEnergy));
        Assert.Equal(new KindTotals(Money.Zero, Eur(0.75m)), ledger.Totals(Bob, TransferKind.P2PEnergy));
        Assert.Equal(Eur(0.01m), ledger.Totals(Bob, TransferKind.PlatformFee).Debited);
        Assert.Equal(Eur(0.02m), ledger.Totals(AccountId.PlatformOperator, TransferKind.PlatformFee).Net);

        Assert.Equal(5, journal.Transfers.Count);
        Transfer trade = journal.Transfers[1];
        Assert.Equal((2L, 2L, 5, reference), (trade.Sequence, trade.Batch, trade.Slot, trade.Reference));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, journal.Transfers.Select(t => t.Sequence));
        Assert.Equal(journal.Transfers.Skip(1), batch.Transfers.ToArray());
    }

    [Fact]
    public void GridImportAndExport_SettleAgainstTheUtility_WhichMayGoNegative()
    {
        var ledger = new Ledger(2);
        TopUp(ledger, Alice, 1m, Guid.Parse("00000000-0000-0000-0000-000000000002"));

        // Bob exports 1.5 kWh at 0.08 €/kWh before anyone has paid the utility: it simply goes negative.
        var batch = new TransferBatch();
        batch.Reset(SettlementKey.ForSlot(0, 0));
        batch.Add(new Transfer(AccountId.Utility, Bob, Price.FromDecimal(0.08m).CostOf(MeteredEnergy.FromKwh(1.5)), TransferKind.GridExport, 0));
        Assert.True(ledger.Post(batch).IsPosted);
        Assert.Equal(Eur(-0.12m), ledger.Balance(AccountId.Utility));

        // Alice imports 2 kWh at 0.30 €/kWh.
        batch.Reset(SettlementKey.ForSlot(0, 1));
        batch.Add(new Transfer(Alice, AccountId.Utility, Price.FromDecimal(0.30m).CostOf(MeteredEnergy.FromKwh(2)), TransferKind.GridImport, 1));
        Assert.True(ledger.Post(batch).IsPosted);

        Assert.Equal(Eur(0.40m), ledger.Balance(Alice));
        Assert.Equal(Eur(0.12m), ledger.Balance(Bob));
        Assert.Equal(Eur(0.48m), ledger.Balance(AccountId.Utility));
        Assert.Equal(new KindTotals(Money.Zero, Eur(0.60m)), ledger.Totals(AccountId.Utility, TransferKind.GridImport));
        Assert.Equal(new KindTotals(Eur(0.12m), Money.Zero), ledger.Totals(AccountId.Utility, TransferKind.GridExport));
        Assert.Equal(Money.Zero, ledger.Totals(Bob, TransferKind.GridImport).Debited);
        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
    }

    [Fact]
    public void TopUpAndWithdrawal_GoThroughTheFundingAccount()
    {
        var ledger = new Ledger(1);
        TopUp(ledger, Alice, 20m, Guid.Parse("00000000-0000-0000-0000-000000000003"));

        TransferRefusal refusal = ledger.TryTransfer(
            SettlementKey.ForRequest(Guid.Parse("00000000-0000-0000-0000-000000000004")),
            new Transfer(Alice, AccountId.Funding, Eur(5m), TransferKind.Withdrawal, 3),
            out Transfer posted);

        Assert.Equal(TransferRefusal.None, refusal);
        Assert.Equal((2L, 2L), (posted.Sequence, posted.Batch));
        Assert.Equal(Eur(15m), ledger.Balance(Alice));
        Assert.Equal(Eur(-15m), ledger.Balance(AccountId.Funding));
        Assert.Equal(new KindTotals(Eur(20m), Money.Zero), ledger.Totals(AccountId.Funding, TransferKind.TopUp));
        Assert.Equal(new KindTotals(Money.Zero, Eur(5m)), ledger.Totals(AccountId.Funding, TransferKind.Withdrawal));
        Assert.Equal(new TrialBalance(Eur(15m).Micros, Eur(-15m).Micros), ledger.ComputeTrialBalance());
        Assert.Equal((2L, 2L), (ledger.TransferCount, ledger.BatchCount));
    }

    [Fact]
    public void Withdrawal_OfMoreThanTheBalance_IsRefused()
    {
        var ledger = new Ledger(1);
        TopUp(ledger, Alice, 2m, Guid.Parse("00000000-0000-0000-0000-000000000005"));

        TransferRefusal refusal = ledger.TryTransfer(
            SettlementKey.ForRequest(Guid.Parse("00000000-0000-0000-0000-000000000006")),
            new Transfer(Alice, AccountId.Funding, Eur(2.000001m), TransferKind.Withdrawal, 0),
            out Transfer posted);

        Assert.Equal(TransferRefusal.InsufficientFunds, refusal);
        Assert.Equal(default, posted);
        Assert.Equal(Eur(2m), ledger.Balance(Alice));
    }
}
