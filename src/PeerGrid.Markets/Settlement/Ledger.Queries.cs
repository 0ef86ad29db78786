using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Settlement;

/// <summary>Balances, limits and totals: what the engine asks before a slot and what bills are made of.</summary>
public sealed partial class Ledger
{
    /// <summary>The account's balance, micro-units: positive = it holds money, negative = it owes (or, for the
    /// funding account, the net money paid into the system).</summary>
    public Money Balance(AccountId account) => new(State(account).BalanceMicros);

    /// <summary>Copies every balance, by account number, into <paramref name="destinationMicros"/> (length ≥ <see cref="AccountCount"/>), without allocating.</summary>
    public void CopyBalancesTo(Span<long> destinationMicros)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destinationMicros.Length, _accounts.Length, nameof(destinationMicros));
        for (int a = 0; a < _accounts.Length; a++)
        {
            destinationMicros[a] = _accounts[a].BalanceMicros;
        }
    }

    /// <summary>A household wallet's credit limit, micro-units ≥ 0: its balance never goes below −limit.</summary>
    public Money CreditLimit(AccountId wallet) => new(-State(RequireWallet(wallet)).FloorMicros);

    /// <summary>
    /// Sets a wallet's credit limit (micro-units ≥ 0). Refused (false, nothing changed) if the wallet already
    /// owes more than the new limit: a limit is lowered only after the debt is paid down, so that no wallet is
    /// ever below −limit.
    /// </summary>
    public bool TrySetCreditLimit(AccountId wallet, Money limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit.Micros, nameof(limit));
        ref AccountState state = ref State(RequireWallet(wallet));
        if (state.BalanceMicros < -limit.Micros)
        {
            return false;
        }
        state.FloorMicros = -limit.Micros;
        return true;
    }

    /// <summary>
    /// The most the account can pay right now, micro-units ≥ 0: balance + credit limit for a wallet, so the
    /// engine can shrink a bid before the market instead of having the settlement refused (the rest is unmet
    /// demand); saturates at <see cref="long.MaxValue"/>. A system account is unlimited: <see cref="long.MaxValue"/>.
    /// </summary>
    public Money AvailableToPay(AccountId account)
    {
        ref readonly AccountState state = ref State(account);
        if (!account.IsHousehold)
        {
            return new Money(long.MaxValue);
        }
        // balance ≥ floor, so the true difference is ≥ 0 and wraps below 0 only past long.MaxValue
        // (a wallet with an enormous limit): saturate, as no single transfer can exceed long.MaxValue anyway.
        long available = unchecked(state.BalanceMicros - state.FloorMicros);
        return new Money(available < 0 ? long.MaxValue : available);
    }

    /// <summary>What <paramref name="account"/> paid and received as <paramref name="kind"/> since the ledger began.</summary>
    public KindTotals Totals(AccountId account, TransferKind kind)
    {
        ref AccountState state = ref State(account);
        if ((uint)kind >= (uint)Transfer.KindCount)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transfer kind.");
        }
        return new KindTotals(new Money(state.DebitedMicros[(int)kind]), new Money(state.CreditedMicros[(int)kind]));
    }

    /// <summary>Sums every balance (O(accounts)); <see cref="TrialBalance.IsBalanced"/> is always true.</summary>
    public TrialBalance ComputeTrialBalance()
    {
        Int128 positive = 0;
        Int128 negative = 0;
        foreach (AccountState state in _accounts)
        {
            if (state.BalanceMicros > 0)
            {
                positive += state.BalanceMicros;
            }
            else
            {
                negative += state.BalanceMicros;
            }
        }
        return new TrialBalance(positive, negative);
    }

    private ref AccountState State(AccountId account)
    {
        if ((uint)account.Number >= (uint)_accounts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(account), account, $"This ledger has accounts 0 … {_accounts.Length - 1}.");
        }
        return ref _accounts[account.Number];
    }

    private static AccountId RequireWallet(AccountId account) => account.IsHousehold
        ? account
        : throw new ArgumentException($"{account} is a system account: it has no credit limit.", nameof(account));
}
