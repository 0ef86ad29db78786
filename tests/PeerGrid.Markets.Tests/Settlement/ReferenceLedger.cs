using PeerGrid.Markets.Settlement;

namespace PeerGrid.Markets.Tests.Settlement;

/// <summary>
/// A deliberately naive ledger to cross-check <see cref="Ledger"/>: 128-bit arithmetic, the whole state copied
/// before every batch and thrown away on failure, no cleverness. Predicts every outcome, including overflow.
/// </summary>
internal sealed class ReferenceLedger
{
    private static readonly int Kinds = Enum.GetValues<TransferKind>().Length;

    private Int128[] _balances;
    private Int128[] _debited;
    private Int128[] _credited;
    private readonly long[] _limits;
    private readonly HashSet<SettlementKey> _settled = [];

    public ReferenceLedger(int households, long defaultLimit)
    {
        int accounts = AccountId.FirstHouseholdNumber + households;
        _balances = new Int128[accounts];
        _debited = new Int128[accounts * Kinds];
        _credited = new Int128[accounts * Kinds];
        _limits = Enumerable.Repeat(defaultLimit, households).ToArray();
    }

    public enum Outcome
    {
        Posted,
        InsufficientFunds,
        AlreadySettled,
        Overflow,
    }

    public int Accounts => _balances.Length;

    public Int128 Balance(int account) => _balances[account];

    public long Limit(int household) => _limits[household];

    public (Int128 Debited, Int128 Credited) Totals(int account, TransferKind kind) =>
        (_debited[(account * Kinds) + (int)kind], _credited[(account * Kinds) + (int)kind]);

    public (Outcome Outcome, int Index, Int128 Shortfall) Post(SettlementKey key, IReadOnlyList<Transfer> transfers)
    {
        if (_settled.Contains(key))
        {
            return (Outcome.AlreadySettled, -1, 0);
        }
        Int128[] balances = (Int128[])_balances.Clone();
        Int128[] debited = (Int128[])_debited.Clone();
        Int128[] credited = (Int128[])_credited.Clone();
        for (int i = 0; i < transfers.Count; i++)
        {
            Transfer t = transfers[i];
            int from = t.From.Number;
            int to = t.To.Number;
            balances[from] -= t.Amount.Micros;
            balances[to] += t.Amount.Micros;
            debited[(from * Kinds) + (int)t.Kind] += t.Amount.Micros;
            credited[(to * Kinds) + (int)t.Kind] += t.Amount.Micros;
            if (t.From.IsHousehold && balances[from] < -_limits[t.From.HouseholdIndex])
            {
                return (Outcome.InsufficientFunds, i, -_limits[t.From.HouseholdIndex] - balances[from]);
            }
            if (!FitsLong(balances[from]) || !FitsLong(balances[to])
                || !FitsLong(debited[(from * Kinds) + (int)t.Kind]) || !FitsLong(credited[(to * Kinds) + (int)t.Kind]))
            {
                return (Outcome.Overflow, i, 0);
            }
        }
        _balances = balances;
        _debited = debited;
        _credited = credited;
        _settled.Add(key);
        return (Outcome.Posted, -1, 0);
    }

    public bool TrySetLimit(int household, long limit)
    {
        if (_balances[AccountId.FirstHouseholdNumber + household] < -limit)
        {
            return false;
        }
        _limits[household] = limit;
        return true;
    }

    private static bool FitsLong(Int128 value) => value >= long.MinValue && value <= long.MaxValue;
}
