using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Settlement;

/// <summary>
/// The exact double-entry settlement ledger of one community (or one run): a balance per account, in
/// micro-units, that only moves by <see cref="Transfer"/>s, each debiting one account and crediting another by
/// the same amount, so the balances always sum to exactly 0 (docs/ledger.md, docs/adr/0004).
/// </summary>
/// <remarks>
/// <para>Balance sign: positive = the account holds money. A household wallet never goes below minus its credit
/// limit; the system accounts (funding, utility, grid operator, platform operator) are unlimited.</para>
/// <para>Batches post all-or-nothing and at most once per <see cref="SettlementKey"/>. All arithmetic is checked:
/// an overflow throws <see cref="OverflowException"/> with nothing changed.</para>
/// <para>Single writer: not thread-safe (docs/adr/0004). Concurrent or re-entrant posting is detected and throws
/// <see cref="InvalidOperationException"/>; concurrent reads during a post are not.</para>
/// </remarks>
public sealed partial class Ledger
{
    // Everything a transfer touches of one account (balance, floor, its per-kind total) sits together, so a
    // payee scattered anywhere in a 100,000-household array costs one or two cache misses, not three
    // (array of structs, measured: docs/ledger.md).
    private readonly AccountState[] _accounts;

    private readonly Dictionary<SettlementKey, PostedBatch> _settled = [];
    private readonly List<ILedgerObserver> _observers = [];
    private readonly TransferBatch _singleTransfer = new(1);

    private long _nextSequence = 1;
    private long _nextBatch = 1;
    private int _posting;

    /// <param name="householdCount">Household wallets, ≥ 0; household h is <see cref="AccountId.ForHousehold"/>(h).</param>
    /// <param name="defaultCreditLimit">Every wallet's credit limit to start with, micro-units ≥ 0; default 0 (no overdraft).</param>
    public Ledger(int householdCount, Money defaultCreditLimit = default)
    {
        int maxHouseholds = int.MaxValue - AccountId.FirstHouseholdNumber;
        ArgumentOutOfRangeException.ThrowIfNegative(householdCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(householdCount, maxHouseholds);
        ArgumentOutOfRangeException.ThrowIfNegative(defaultCreditLimit.Micros, nameof(defaultCreditLimit));

        HouseholdCount = householdCount;
        _accounts = new AccountState[AccountId.FirstHouseholdNumber + householdCount];
        for (int a = 0; a < AccountId.FirstHouseholdNumber; a++)
        {
            _accounts[a].FloorMicros = long.MinValue;
        }
        for (int a = AccountId.FirstHouseholdNumber; a < _accounts.Length; a++)
        {
            _accounts[a].FloorMicros = -defaultCreditLimit.Micros;
        }
    }

    public int HouseholdCount { get; }

    /// <summary>System accounts plus household wallets; account numbers are 0 … AccountCount − 1.</summary>
    public int AccountCount => _accounts.Length;

    /// <summary>Transfers posted so far; also the sequence of the last one.</summary>
    public long TransferCount => _nextSequence - 1;

    /// <summary>Batches posted so far; also the number of the last one.</summary>
    public long BatchCount => _nextBatch - 1;

    /// <summary>Observers are called in the order they were added, after each batch is applied.</summary>
    public void AddObserver(ILedgerObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
    }

    /// <summary>
    /// Applies every transfer of <paramref name="batch"/>, in order, or none: each payer's balance is checked as
    /// it stands after the transfers before it in the batch. Posted transfers are stamped in place with their
    /// sequence and batch number, then observers see them. A refused batch does not use up its key, so the
    /// caller may shrink it and post again.
    /// </summary>
    /// <returns>Posted; <see cref="TransferRefusal.InsufficientFunds"/> with the first failing transfer; or
    /// <see cref="TransferRefusal.AlreadySettled"/> with the batch posted earlier under the same key.</returns>
    /// <exception cref="OverflowException">A balance or total would leave the range of <see cref="long"/>; nothing changed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transfer names an account this ledger does not have; nothing changed.</exception>
    public PostResult Post(TransferBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.Key.IsDefined)
        {
            throw new ArgumentException("The batch has no settlement key: call Reset(key) before adding transfers.", nameof(batch));
        }
        EnterWriter();
        try
        {
            return PostCore(batch);
        }
        finally
        {
            ExitWriter();
        }
    }

    /// <summary>
    /// Posts one transfer as a batch of its own under <paramref name="key"/>: for single payments such as a
    /// top-up request. The engine settles a slot with <see cref="Post"/> instead.
    /// </summary>
    /// <param name="posted">The transfer as posted (with sequence and batch); <c>default</c> if refused.</param>
    /// <returns><see cref="TransferRefusal.None"/> when posted, otherwise why not (nothing changed).</returns>
    /// <exception cref="OverflowException">A balance or total would overflow; nothing changed.</exception>
    public TransferRefusal TryTransfer(SettlementKey key, Transfer transfer, out Transfer posted)
    {
        EnterWriter();
        try
        {
            _singleTransfer.Reset(key);
            _singleTransfer.Add(transfer);
            PostResult result = PostCore(_singleTransfer);
            posted = result.IsPosted ? _singleTransfer.Transfers[0] : default;
            return result.Refusal;
        }
        finally
        {
            ExitWriter();
        }
    }

    /// <summary>Whether a batch with <paramref name="key"/> was posted, and which.</summary>
    public bool TryGetSettlement(SettlementKey key, out PostedBatch batch) => _settled.TryGetValue(key, out batch);

    private PostResult PostCore(TransferBatch batch)
    {
        if (_settled.TryGetValue(batch.Key, out PostedBatch earlier))
        {
            return PostResult.Duplicate(earlier);
        }

        Span<Transfer> items = batch.Items;
        Failure failure = Apply(items, out int failedAt, out long shortfallMicros);
        if (failure != Failure.None)
        {
            Undo(items[..failedAt]);
            Transfer failed = items[failedAt];
            return failure switch
            {
                Failure.InsufficientFunds => PostResult.Insufficient(failedAt, failed.From, shortfallMicros),
                Failure.Overflow => throw new OverflowException(
                    $"Transfer {failedAt} of {batch.Key} ({failed.Kind}, {failed.Amount} from {failed.From} to {failed.To}) would overflow a balance or total; nothing was posted."),
                _ => throw new ArgumentOutOfRangeException(nameof(batch),
                    $"Transfer {failedAt} of {batch.Key} names {failed.From} → {failed.To}, but this ledger has accounts 0 … {_accounts.Length - 1}; nothing was posted."),
            };
        }

        var posted = new PostedBatch(_nextBatch, batch.Key, _nextSequence, items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = items[i].Posted(_nextSequence + i, posted.Number);
        }
        _nextSequence = checked(_nextSequence + items.Length);
        _nextBatch = checked(_nextBatch + 1);
        _settled.Add(batch.Key, posted);

        ReadOnlySpan<Transfer> transfers = items;
        for (int o = 0; o < _observers.Count; o++)
        {
            _observers[o].OnPosted(in posted, transfers);
        }
        return PostResult.Posted(posted);
    }

    // A cheap guard, not a lock: it turns a second writer (another thread, or an observer posting from its
    // callback) into an exception instead of silently torn balances. One interlocked operation per batch.
    private void EnterWriter()
    {
        if (Interlocked.Exchange(ref _posting, 1) != 0)
        {
            throw new InvalidOperationException("The ledger is already posting: it has a single writer and observers must not post from their callback.");
        }
    }

    private void ExitWriter() => Volatile.Write(ref _posting, 0);
}
