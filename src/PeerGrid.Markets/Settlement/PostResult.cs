using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Settlement;

/// <summary>The outcome of <see cref="Ledger.Post"/>: posted, or refused with nothing changed.</summary>
public readonly record struct PostResult
{
    private PostResult(TransferRefusal refusal, PostedBatch batch, int refusedIndex, AccountId refusedAccount, Money shortfall)
    {
        Refusal = refusal;
        Batch = batch;
        RefusedIndex = refusedIndex;
        RefusedAccount = refusedAccount;
        Shortfall = shortfall;
    }

    public TransferRefusal Refusal { get; }

    public bool IsPosted => Refusal == TransferRefusal.None;

    /// <summary>
    /// The batch just posted; for <see cref="TransferRefusal.AlreadySettled"/> the batch posted earlier under the
    /// same key (so a retrying caller can find what was settled); <c>default</c> for insufficient funds.
    /// </summary>
    public PostedBatch Batch { get; }

    /// <summary>For <see cref="TransferRefusal.InsufficientFunds"/>: the index in the batch of the first transfer that failed; −1 otherwise.</summary>
    public int RefusedIndex { get; }

    /// <summary>For <see cref="TransferRefusal.InsufficientFunds"/>: the payer of that transfer.</summary>
    public AccountId RefusedAccount { get; }

    /// <summary>For <see cref="TransferRefusal.InsufficientFunds"/>: how much the payer lacked at that point in the batch, &gt; 0.</summary>
    public Money Shortfall { get; }

    internal static PostResult Posted(PostedBatch batch) => new(TransferRefusal.None, batch, -1, default, Money.Zero);

    internal static PostResult Duplicate(PostedBatch earlier) => new(TransferRefusal.AlreadySettled, earlier, -1, default, Money.Zero);

    internal static PostResult Insufficient(int index, AccountId payer, long shortfallMicros) =>
        new(TransferRefusal.InsufficientFunds, default, index, payer, new Money(shortfallMicros));
}
