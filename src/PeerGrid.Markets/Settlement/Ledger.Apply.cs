using System.Runtime.CompilerServices;

namespace PeerGrid.Markets.Settlement;

/// <summary>The hot path: applying a batch to the account array, and undoing it when a transfer fails.</summary>
public sealed partial class Ledger
{
    /// <summary>
    /// Applies the transfers in order until one fails. Every new value of a transfer is computed and checked
    /// before any is written, so a failing transfer leaves no trace and only the ones before it need undoing.
    /// Overflow is detected by comparison instead of by checked arithmetic so that the batch is undone before
    /// the exception is thrown (amounts are &gt; 0: a sum overflowed iff it is below the old value, a difference
    /// iff it is above).
    /// </summary>
    private Failure Apply(ReadOnlySpan<Transfer> items, out int failedAt, out long shortfallMicros)
    {
        AccountState[] accounts = _accounts;
        shortfallMicros = 0;
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly Transfer t = ref items[i];
            int from = t.From.Number;
            int to = t.To.Number;
            if ((uint)from >= (uint)accounts.Length || (uint)to >= (uint)accounts.Length)
            {
                failedAt = i;
                return Failure.UnknownAccount;
            }
            long amount = t.Amount.Micros;
            ref AccountState payer = ref accounts[from];
            ref AccountState payee = ref accounts[to];
            ref long payerDebited = ref payer.DebitedMicros[(int)t.Kind];
            ref long payeeCredited = ref payee.CreditedMicros[(int)t.Kind];

            long payerBalance = unchecked(payer.BalanceMicros - amount);
            bool payerWrapped = payerBalance > payer.BalanceMicros;
            bool payerIsWallet = payer.FloorMicros != long.MinValue;
            if (payerIsWallet && (payerWrapped || payerBalance < payer.FloorMicros))
            {
                // A wallet with an enormous limit can even go below long.MinValue: that is insufficient funds
                // too, not overflow. Either way its balance was above its floor by less than the amount, so the
                // shortfall fits a long.
                failedAt = i;
                shortfallMicros = amount - (payer.BalanceMicros - payer.FloorMicros);
                return Failure.InsufficientFunds;
            }
            long payeeBalance = unchecked(payee.BalanceMicros + amount);
            long newDebited = unchecked(payerDebited + amount);
            long newCredited = unchecked(payeeCredited + amount);
            if (payerWrapped || payeeBalance < payee.BalanceMicros || newDebited < payerDebited || newCredited < payeeCredited)
            {
                failedAt = i;
                return Failure.Overflow;
            }

            payer.BalanceMicros = payerBalance;
            payee.BalanceMicros = payeeBalance;
            payerDebited = newDebited;
            payeeCredited = newCredited;
        }
        failedAt = -1;
        return Failure.None;
    }

    /// <summary>Reverses applied transfers, last first, restoring every value exactly (so nothing can overflow).</summary>
    private void Undo(ReadOnlySpan<Transfer> applied)
    {
        for (int i = applied.Length - 1; i >= 0; i--)
        {
            ref readonly Transfer t = ref applied[i];
            long amount = t.Amount.Micros;
            ref AccountState payer = ref _accounts[t.From.Number];
            ref AccountState payee = ref _accounts[t.To.Number];
            payer.BalanceMicros += amount;
            payee.BalanceMicros -= amount;
            payer.DebitedMicros[(int)t.Kind] -= amount;
            payee.CreditedMicros[(int)t.Kind] -= amount;
        }
    }

    private enum Failure
    {
        None,
        InsufficientFunds,
        Overflow,
        UnknownAccount,
    }

    private struct AccountState
    {
        public long BalanceMicros;

        /// <summary>The lowest balance allowed: −credit limit for a wallet, <see cref="long.MinValue"/> for a system account.</summary>
        public long FloorMicros;

        /// <summary>Received per kind (what the payee side touches, next to the balance).</summary>
        public PerKind CreditedMicros;

        /// <summary>Paid per kind.</summary>
        public PerKind DebitedMicros;
    }

    /// <summary>One long per <see cref="TransferKind"/>, stored inline in the account.</summary>
    [InlineArray(Transfer.KindCount)]
    private struct PerKind
    {
        private long _first;
    }
}
