using System.Runtime.CompilerServices;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;

namespace PeerGrid.Markets.Tests.Settlement;

public class TransferTests
{
    private static readonly AccountId Alice = AccountId.ForHousehold(0);
    private static readonly AccountId Bob = AccountId.ForHousehold(1);

    [Fact]
    public void Transfer_WithAZeroOrNegativeAmount_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Transfer(Alice, Bob, Money.Zero, TransferKind.P2PEnergy, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Transfer(Alice, Bob, new Money(-1), TransferKind.P2PEnergy, 0));
    }

    [Fact]
    public void Transfer_ToTheSameAccount_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Transfer(Alice, Alice, new Money(1), TransferKind.P2PEnergy, 0));
    }

    [Fact]
    public void FundingAccount_PaysOnlyTopUpsAndReceivesOnlyWithdrawals()
    {
        Assert.Throws<ArgumentException>(() => new Transfer(AccountId.Funding, Alice, new Money(1), TransferKind.P2PEnergy, 0));
        Assert.Throws<ArgumentException>(() => new Transfer(Alice, AccountId.Funding, new Money(1), TransferKind.GridImport, 0));
        Assert.Throws<ArgumentException>(() => new Transfer(AccountId.Utility, Alice, new Money(1), TransferKind.TopUp, 0));
        Assert.Throws<ArgumentException>(() => new Transfer(Alice, AccountId.Utility, new Money(1), TransferKind.Withdrawal, 0));

        _ = new Transfer(AccountId.Funding, Alice, new Money(1), TransferKind.TopUp, 0);
        _ = new Transfer(Alice, AccountId.Funding, new Money(1), TransferKind.Withdrawal, 0);
    }

    [Fact]
    public void Transfer_WithANegativeSlotOrUnknownKind_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Transfer(Alice, Bob, new Money(1), TransferKind.P2PEnergy, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Transfer(Alice, Bob, new Money(1), (TransferKind)99, 0));
    }

    [Fact]
    public void StoredTransfer_NeedsBothSequenceAndBatchOrNeither()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Transfer(Alice, Bob, new Money(1), TransferKind.P2PEnergy, 0, default, 5, 0));
        var stored = new Transfer(Alice, Bob, new Money(1), TransferKind.P2PEnergy, 0, new TransferReference(7, 8, 9), 5, 2);

        Assert.True(stored.IsPosted);
        Assert.Equal(7, stored.Reference.TradeId);
    }

    [Fact]
    public void Transfer_FitsOneCacheLine()
    {
        Assert.Equal(64, Unsafe.SizeOf<Transfer>());
    }

    [Fact]
    public void TransferKinds_AreNumberedContiguouslyFromZero()
    {
        TransferKind[] kinds = Enum.GetValues<TransferKind>();
        for (int i = 0; i < kinds.Length; i++)
        {
            Assert.Equal(i, (int)kinds[i]);
        }
        Assert.Equal(Transfer.KindCount, kinds.Length);
    }

    [Fact]
    public void AccountIds_PutSystemAccountsFirstAndHouseholdsAfter()
    {
        Assert.Equal(AccountKind.Funding, AccountId.Funding.Kind);
        Assert.Equal(AccountKind.Utility, AccountId.Utility.Kind);
        Assert.Equal(AccountKind.GridOperator, AccountId.GridOperator.Kind);
        Assert.Equal(AccountKind.PlatformOperator, AccountId.PlatformOperator.Kind);
        Assert.Equal(4, AccountId.ForHousehold(0).Number);
        Assert.Equal(AccountKind.Household, AccountId.ForHousehold(41).Kind);
        Assert.Equal(41, AccountId.ForHousehold(41).HouseholdIndex);
        Assert.Equal("household 41", AccountId.ForHousehold(41).ToString());
        Assert.Throws<InvalidOperationException>(() => AccountId.Utility.HouseholdIndex);
    }

    [Fact]
    public void RequestKey_RoundTripsItsIdempotencyKeyAndStoredParts()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        SettlementKey key = SettlementKey.ForRequest(id);

        Assert.Equal(id, key.RequestId);
        Assert.Equal(key, SettlementKey.FromParts(key.Kind, key.Scope, key.Number));
        Assert.Equal("request 0f8fad5b-d9cb-469f-a165-70867728950e", key.ToString());
        Assert.Equal("slot 2/96", SettlementKey.ForSlot(2, 96).ToString());
        Assert.NotEqual(SettlementKey.ForSlot(1, 2), SettlementKey.ForSlot(2, 1));
        Assert.False(default(SettlementKey).IsDefined);
    }
}
