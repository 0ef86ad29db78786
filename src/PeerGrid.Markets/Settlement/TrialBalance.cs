namespace PeerGrid.Markets.Settlement;

/// <summary>
/// The sum over all accounts of a ledger, in micro-units. Double entry makes <see cref="SumMicros"/> exactly 0
/// at all times; 128-bit sums because the two sides can each exceed a <see cref="long"/> even when they cancel.
/// </summary>
/// <param name="PositiveMicros">Sum of the balances above 0 (money held), ≥ 0.</param>
/// <param name="NegativeMicros">Sum of the balances below 0 (money owed, or paid in from outside), ≤ 0.</param>
public readonly record struct TrialBalance(Int128 PositiveMicros, Int128 NegativeMicros)
{
    public Int128 SumMicros => PositiveMicros + NegativeMicros;

    public bool IsBalanced => SumMicros == Int128.Zero;
}
