using System.Diagnostics.CodeAnalysis;
using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Settlement;

/// <summary>
/// One movement of money: <see cref="From"/> is debited and <see cref="To"/> credited by the same
/// <see cref="Amount"/>, so the sum of all balances never changes. Immutable and self-contained, so the web
/// platform can store and audit it as it is: a transfer the ledger posted carries its <see cref="Sequence"/>
/// and <see cref="Batch"/> numbers; one not yet posted has 0 for both.
/// </summary>
/// <remarks>
/// A value type of 64 bytes (one cache line) so a batch of them is one flat array: the engine settles
/// 100,000 households per slot without an object per transfer.
/// </remarks>
public readonly record struct Transfer
{
    /// <summary>A transfer to post; the ledger numbers it when it posts it.</summary>
    /// <param name="from">The payer, debited.</param>
    /// <param name="to">The payee, credited; another account than the payer.</param>
    /// <param name="amount">Micro-units, &gt; 0: a refund is a transfer the other way, never a negative amount.</param>
    /// <param name="kind">Why; <see cref="TransferKind.TopUp"/> exactly when the payer is the funding account,
    /// <see cref="TransferKind.Withdrawal"/> exactly when the payee is.</param>
    /// <param name="slot">The simulation slot the money moves in, ≥ 0.</param>
    /// <param name="reference">The trade and orders settled, if any.</param>
    public Transfer(AccountId from, AccountId to, Money amount, TransferKind kind, int slot, TransferReference reference = default)
        : this(from, to, amount, kind, slot, reference, 0, 0)
    {
    }

    /// <summary>A posted transfer as stored, e.g. loaded back from a database.</summary>
    /// <param name="sequence">Its position in the ledger's history, ≥ 1 (0 = not posted).</param>
    /// <param name="batch">The number of the batch it was posted in, ≥ 1 (0 = not posted).</param>
    public Transfer(AccountId from, AccountId to, Money amount, TransferKind kind, int slot, TransferReference reference, long sequence, long batch)
    {
        // One combined test on the fast path, the messages in a separate method: the engine builds one
        // transfer per household per slot, and a small constructor is one the JIT inlines.
        if (amount.Micros <= 0 | from == to | (uint)kind >= (uint)KindCount | slot < 0 | sequence < 0 | batch < 0
            | ((sequence == 0) != (batch == 0)) | !CrossesBoundaryOnlyAsFunding(from, to, kind))
        {
            ThrowInvalid(from, to, amount, kind, slot, sequence, batch);
        }
        Sequence = sequence;
        Batch = batch;
        Amount = amount;
        Reference = reference;
        From = from;
        To = to;
        Slot = slot;
        Kind = kind;
    }

    /// <summary>Stamps an already validated transfer with its place in the ledger, without re-checking it.</summary>
    private Transfer(in Transfer unposted, long sequence, long batch)
    {
        this = unposted;
        Sequence = sequence;
        Batch = batch;
    }

    // Money enters and leaves the system only as top-ups and withdrawals, so the funding account's balance is
    // exactly minus the net money paid in, and no other kind can hide a flow across the boundary.
    private static bool CrossesBoundaryOnlyAsFunding(AccountId from, AccountId to, TransferKind kind) =>
        (kind == TransferKind.TopUp) == (from == AccountId.Funding) && (kind == TransferKind.Withdrawal) == (to == AccountId.Funding);

    [DoesNotReturn]
    private static void ThrowInvalid(AccountId from, AccountId to, Money amount, TransferKind kind, int slot, long sequence, long batch)
    {
        if (amount.Micros <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A transfer amount must be > 0; move money the other way instead of a negative amount.");
        }
        if (from == to)
        {
            throw new ArgumentException($"A transfer needs two different accounts; both are {from}.", nameof(to));
        }
        if ((uint)kind >= (uint)KindCount)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transfer kind.");
        }
        if (slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "A slot must be ≥ 0.");
        }
        if (!CrossesBoundaryOnlyAsFunding(from, to, kind))
        {
            throw new ArgumentException($"{kind} from {from} to {to}: only a top-up is paid by the funding account and only a withdrawal is paid to it.", nameof(kind));
        }
        throw new ArgumentOutOfRangeException(nameof(sequence), $"Sequence {sequence} and batch {batch} must both be ≥ 1 (posted) or both 0 (not posted).");
    }

    /// <summary>The number of <see cref="TransferKind"/>s; kinds are 0 … KindCount − 1 (a test checks both).
    /// A constant because the ledger stores per-kind totals inline in each account.</summary>
    internal const int KindCount = (int)TransferKind.Withdrawal + 1;

    // Declared widest first so the struct packs into 64 bytes.

    /// <summary>Position in the ledger's history: 1, 2, 3, … without gaps; 0 until posted.</summary>
    public long Sequence { get; }

    /// <summary>The number of the batch (<see cref="PostedBatch.Number"/>) it was posted in; 0 until posted.</summary>
    public long Batch { get; }

    /// <summary>Micro-units, &gt; 0.</summary>
    public Money Amount { get; }

    public TransferReference Reference { get; }

    /// <summary>The payer: its balance goes down by <see cref="Amount"/>.</summary>
    public AccountId From { get; }

    /// <summary>The payee: its balance goes up by <see cref="Amount"/>.</summary>
    public AccountId To { get; }

    /// <summary>The simulation slot the money moved in, ≥ 0.</summary>
    public int Slot { get; }

    public TransferKind Kind { get; }

    public bool IsPosted => Sequence != 0;

    internal Transfer Posted(long sequence, long batch) => new(in this, sequence, batch);
}
