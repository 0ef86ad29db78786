using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;

namespace PeerGrid.Markets.Tests.Settlement;

/// <summary>Refusals, duplicates and overflow: each leaves every balance, total and counter as it was.</summary>
public class LedgerRefusalTests
{
    private static readonly AccountId Alice = AccountId.ForHousehold(0);
    private static readonly AccountId Bob = AccountId.ForHousehold(1);
    private static readonly AccountId Carol = AccountId.ForHousehold(2);

    private static int s_nextRequest;

    private static SettlementKey NewRequest() => SettlementKey.ForRequest(new Guid(Interlocked.Increment(ref s_nextRequest), 0, 0, new byte[8]));

    private static Transfer TopUp(AccountId wallet, long micros) => new(AccountId.Funding, wallet, new Money(micros), TransferKind.TopUp, 0);

    private static Transfer Pay(AccountId from, AccountId to, long micros) => new(from, to, new Money(micros), TransferKind.P2PEnergy, 0);

    private static Ledger LedgerWith(params long[] walletMicros)
    {
        var ledger = new Ledger(walletMicros.Length);
        for (int h = 0; h < walletMicros.Length; h++)
        {
            if (walletMicros[h] > 0)
            {
                Assert.Equal(TransferRefusal.None, ledger.TryTransfer(NewRequest(), TopUp(AccountId.ForHousehold(h), walletMicros[h]), out _));
            }
        }
        return ledger;
    }

    private static TransferBatch Batch(SettlementKey key, params Transfer[] transfers)
    {
        var batch = new TransferBatch();
        batch.Reset(key);
        foreach (Transfer t in transfers)
        {
            batch.Add(t);
        }
        return batch;
    }

    [Fact]
    public void Payment_BeyondTheBalance_IsRefusedAndLeavesEveryBalanceUnchanged()
    {
        Ledger ledger = LedgerWith(100, 50);
        var before = LedgerSnapshot.Of(ledger);

        PostResult result = ledger.Post(Batch(SettlementKey.ForSlot(0, 0), Pay(Alice, Bob, 101)));

        Assert.Equal(TransferRefusal.InsufficientFunds, result.Refusal);
        Assert.Equal((0, Alice, new Money(1)), (result.RefusedIndex, result.RefusedAccount, result.Shortfall));
        before.AssertUnchanged(ledger);
    }

    [Fact]
    public void CreditLimit_AllowsAnOverdraftDownToMinusTheLimitAndNotOneMicroMore()
    {
        Ledger ledger = LedgerWith(100, 0);
        Assert.True(ledger.TrySetCreditLimit(Alice, new Money(30)));
        Assert.Equal(new Money(130), ledger.AvailableToPay(Alice));

        Assert.Equal(TransferRefusal.InsufficientFunds, ledger.TryTransfer(NewRequest(), Pay(Alice, Bob, 131), out _));
        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(NewRequest(), Pay(Alice, Bob, 130), out _));

        Assert.Equal(new Money(-30), ledger.Balance(Alice));
        Assert.Equal(Money.Zero, ledger.AvailableToPay(Alice));
        Assert.Equal(TransferRefusal.InsufficientFunds, ledger.TryTransfer(NewRequest(), Pay(Alice, Bob, 1), out _));
    }

    [Fact]
    public void DefaultCreditLimit_AppliesToEveryWalletAndNotToSystemAccounts()
    {
        var ledger = new Ledger(2, new Money(500));

        Assert.Equal(new Money(500), ledger.CreditLimit(Bob));
        Assert.Equal(new Money(500), ledger.AvailableToPay(Bob));
        Assert.Equal(new Money(long.MaxValue), ledger.AvailableToPay(AccountId.Utility));
        Assert.Throws<ArgumentException>(() => ledger.CreditLimit(AccountId.Utility));
        Assert.Throws<ArgumentException>(() => ledger.TrySetCreditLimit(AccountId.GridOperator, Money.Zero));
    }

    [Fact]
    public void CreditLimit_CannotBeLoweredBelowTheCurrentDebt()
    {
        var ledger = new Ledger(2, new Money(100));
        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(NewRequest(), Pay(Alice, Bob, 80), out _));

        Assert.False(ledger.TrySetCreditLimit(Alice, new Money(79)));
        Assert.Equal(new Money(100), ledger.CreditLimit(Alice));
        Assert.True(ledger.TrySetCreditLimit(Alice, new Money(80)));
        Assert.Equal(Money.Zero, ledger.AvailableToPay(Alice));
    }

    [Fact]
    public void AvailableToPay_IsExactlyWhatTheEngineCanSettle()
    {
        Ledger ledger = LedgerWith(1_234_567, 0);
        Money available = ledger.AvailableToPay(Alice);

        Assert.True(ledger.Post(Batch(SettlementKey.ForSlot(0, 0), new Transfer(Alice, AccountId.Utility, available, TransferKind.GridImport, 0))).IsPosted);
        Assert.Equal(Money.Zero, ledger.Balance(Alice));
    }

    [Fact]
    public void Batch_WithOneBadTransfer_ChangesNothingAndNotifiesNoOne()
    {
        Ledger ledger = LedgerWith(100, 100, 100);
        var journal = new TransferJournal();
        ledger.AddObserver(journal);
        var before = LedgerSnapshot.Of(ledger);
        TransferBatch batch = Batch(
            SettlementKey.ForSlot(0, 7),
            Pay(Alice, Bob, 60),
            Pay(Bob, Carol, 150),
            Pay(Carol, Alice, 300),
            Pay(Alice, Carol, 1));

        PostResult result = ledger.Post(batch);

        Assert.Equal(TransferRefusal.InsufficientFunds, result.Refusal);
        Assert.Equal((2, Carol, new Money(50)), (result.RefusedIndex, result.RefusedAccount, result.Shortfall));
        before.AssertUnchanged(ledger);
        Assert.Empty(journal.Batches);
        Assert.False(ledger.TryGetSettlement(SettlementKey.ForSlot(0, 7), out _));
        Assert.All(batch.Transfers.ToArray(), t => Assert.False(t.IsPosted));
    }

    [Fact]
    public void Batch_IsValidatedInOrder_SoAWalletMayPayWhatItReceivedEarlierInTheSameBatch()
    {
        Ledger ledger = LedgerWith(0, 100);

        PostResult payFirst = ledger.Post(Batch(SettlementKey.ForSlot(0, 1), Pay(Alice, Bob, 100), Pay(Bob, Alice, 100)));
        PostResult receiveFirst = ledger.Post(Batch(SettlementKey.ForSlot(0, 1), Pay(Bob, Alice, 100), Pay(Alice, Bob, 100)));

        Assert.Equal((TransferRefusal.InsufficientFunds, 0), (payFirst.Refusal, payFirst.RefusedIndex));
        Assert.True(receiveFirst.IsPosted);
        Assert.Equal(new KindTotals(new Money(100), new Money(100)), ledger.Totals(Alice, TransferKind.P2PEnergy));
    }

    [Fact]
    public void RefusedBatch_DoesNotUseUpItsKey_SoTheShrunkBatchCanBePosted()
    {
        Ledger ledger = LedgerWith(100, 0);
        var key = SettlementKey.ForSlot(3, 9);

        Assert.False(ledger.Post(Batch(key, Pay(Alice, Bob, 150))).IsPosted);
        Assert.True(ledger.Post(Batch(key, Pay(Alice, Bob, 100))).IsPosted);
    }

    [Fact]
    public void SameSettlementKey_PostedTwice_IsRefusedWithTheFirstPostingAndChangesNothing()
    {
        Ledger ledger = LedgerWith(100, 0);
        var key = SettlementKey.ForSlot(0, 42);
        PostResult first = ledger.Post(Batch(key, Pay(Alice, Bob, 10)));
        var before = LedgerSnapshot.Of(ledger);

        PostResult again = ledger.Post(Batch(key, Pay(Alice, Bob, 10)));
        PostResult different = ledger.Post(Batch(key, Pay(Alice, Bob, 20)));

        Assert.Equal(TransferRefusal.AlreadySettled, again.Refusal);
        Assert.Equal(first.Batch, again.Batch);
        Assert.Equal(TransferRefusal.AlreadySettled, different.Refusal);
        before.AssertUnchanged(ledger);
        Assert.True(ledger.TryGetSettlement(key, out PostedBatch settled));
        Assert.Equal(first.Batch, settled);
    }

    [Fact]
    public void SameRequestKey_OnTryTransfer_IsAlreadySettled()
    {
        var ledger = new Ledger(1);
        SettlementKey request = NewRequest();

        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(request, TopUp(Alice, 5), out _));
        Assert.Equal(TransferRefusal.AlreadySettled, ledger.TryTransfer(request, TopUp(Alice, 5), out Transfer posted));

        Assert.Equal(default, posted);
        Assert.Equal(new Money(5), ledger.Balance(Alice));
    }

    [Fact]
    public void EmptyBatch_MarksItsKeyAsSettled()
    {
        var ledger = new Ledger(1);
        var key = SettlementKey.ForSlot(0, 0);

        PostResult result = ledger.Post(Batch(key));

        Assert.Equal(new PostedBatch(1, key, 1, 0), result.Batch);
        Assert.Equal(TransferRefusal.AlreadySettled, ledger.Post(Batch(key, TopUp(Alice, 1))).Refusal);
    }

    [Fact]
    public void BalanceOverflow_ThrowsAndChangesNothing()
    {
        Ledger ledger = LedgerWith(long.MaxValue, 0);
        var before = LedgerSnapshot.Of(ledger);
        TransferBatch batch = Batch(SettlementKey.ForSlot(0, 0), TopUp(Bob, 7), Pay(Bob, Alice, 1));

        Assert.Throws<OverflowException>(() => ledger.Post(batch));

        before.AssertUnchanged(ledger);
        Assert.False(ledger.TryGetSettlement(SettlementKey.ForSlot(0, 0), out _));
    }

    [Fact]
    public void SystemAccountOverflow_ThrowsAndChangesNothing()
    {
        var ledger = new Ledger(2, new Money(long.MaxValue));
        Assert.True(ledger.Post(Batch(SettlementKey.ForSlot(0, 0), new Transfer(AccountId.Utility, Alice, new Money(long.MaxValue), TransferKind.GridExport, 0))).IsPosted);
        var before = LedgerSnapshot.Of(ledger);

        // The utility is at −MaxValue: paying two more micros would take it below long.MinValue.
        Assert.Throws<OverflowException>(() => ledger.TryTransfer(NewRequest(), new Transfer(AccountId.Utility, Bob, new Money(2), TransferKind.GridExport, 0), out _));
        before.AssertUnchanged(ledger);
    }

    [Fact]
    public void TotalOverflow_ThrowsAndChangesNothing()
    {
        Ledger ledger = LedgerWith(long.MaxValue, 0);
        Assert.True(ledger.Post(Batch(SettlementKey.ForSlot(0, 0), Pay(Alice, Bob, long.MaxValue))).IsPosted);
        var before = LedgerSnapshot.Of(ledger);

        // The balances would fit (they end where they started), but the P2P totals, at MaxValue already, would not.
        TransferBatch batch = Batch(SettlementKey.ForSlot(0, 1), Pay(Bob, Alice, 1), Pay(Alice, Bob, 1));

        Assert.Throws<OverflowException>(() => ledger.Post(batch));
        before.AssertUnchanged(ledger);
    }

    [Fact]
    public void WalletWithAnEnormousLimit_GoingPastLongMinValue_IsInsufficientFundsNotOverflow()
    {
        var ledger = new Ledger(2, new Money(long.MaxValue));
        Assert.True(ledger.Post(Batch(SettlementKey.ForSlot(0, 0), Pay(Alice, Bob, long.MaxValue))).IsPosted);

        PostResult result = ledger.Post(Batch(SettlementKey.ForSlot(0, 1), Pay(Alice, AccountId.Utility, 5)));

        Assert.Equal((TransferRefusal.InsufficientFunds, new Money(5)), (result.Refusal, result.Shortfall));
        Assert.Equal(Money.Zero, ledger.AvailableToPay(Alice));
        Assert.Equal(new Money(long.MaxValue), ledger.AvailableToPay(Bob));
    }

    [Fact]
    public void UnknownAccount_ThrowsAndChangesNothing()
    {
        Ledger ledger = LedgerWith(100);
        var before = LedgerSnapshot.Of(ledger);

        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Post(Batch(SettlementKey.ForSlot(0, 0), Pay(Alice, AccountId.Utility, 1), Pay(Alice, Bob, 1))));
        before.AssertUnchanged(ledger);
    }

    [Fact]
    public void BatchWithoutKey_IsRejected()
    {
        var ledger = new Ledger(1);

        Assert.Throws<ArgumentException>(() => ledger.Post(new TransferBatch()));
        Assert.Throws<ArgumentException>(() => new TransferBatch().Reset(default));
    }

    [Fact]
    public void ObserverPostingFromItsCallback_IsRejected()
    {
        Ledger ledger = LedgerWith(100, 0);
        ledger.AddObserver(new RepostingObserver(ledger));

        Assert.Throws<InvalidOperationException>(() => ledger.Post(Batch(SettlementKey.ForSlot(0, 0), Pay(Alice, Bob, 1))));

        // The batch itself was posted before the observer misbehaved; the ledger is usable afterwards.
        Assert.Equal(new Money(1), ledger.Balance(Bob));
        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
    }

    private sealed class RepostingObserver(Ledger ledger) : ILedgerObserver
    {
        public void OnPosted(in PostedBatch batch, ReadOnlySpan<Transfer> transfers) =>
            ledger.TryTransfer(NewRequest(), TopUp(Alice, 1), out _);
    }
}
