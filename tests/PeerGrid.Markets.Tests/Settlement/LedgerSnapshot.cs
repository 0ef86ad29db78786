using PeerGrid.Markets.Settlement;

namespace PeerGrid.Markets.Tests.Settlement;

/// <summary>Every balance, limit, total and counter of a ledger, to assert that a refused operation changed nothing.</summary>
internal sealed record LedgerSnapshot(long[] Balances, long[] Limits, KindTotals[] Totals, long TransferCount, long BatchCount)
{
    public static LedgerSnapshot Of(Ledger ledger)
    {
        var balances = new long[ledger.AccountCount];
        ledger.CopyBalancesTo(balances);
        var limits = new long[ledger.HouseholdCount];
        for (int h = 0; h < limits.Length; h++)
        {
            limits[h] = ledger.CreditLimit(AccountId.ForHousehold(h)).Micros;
        }
        TransferKind[] kinds = Enum.GetValues<TransferKind>();
        var totals = new KindTotals[ledger.AccountCount * kinds.Length];
        for (int a = 0; a < ledger.AccountCount; a++)
        {
            foreach (TransferKind kind in kinds)
            {
                totals[(a * kinds.Length) + (int)kind] = ledger.Totals(new AccountId(a), kind);
            }
        }
        return new LedgerSnapshot(balances, limits, totals, ledger.TransferCount, ledger.BatchCount);
    }

    public void AssertUnchanged(Ledger ledger)
    {
        LedgerSnapshot now = Of(ledger);
        Assert.Equal(Balances, now.Balances);
        Assert.Equal(Limits, now.Limits);
        Assert.Equal(Totals, now.Totals);
        Assert.Equal((TransferCount, BatchCount), (now.TransferCount, now.BatchCount));
    }
}
