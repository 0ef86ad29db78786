namespace PeerGrid.Markets.Settlement;

/// <summary>
/// A reusable buffer of transfers that the ledger posts all-or-nothing under one settlement key, e.g. one
/// slot's settlement of a community. The engine keeps one and calls <see cref="Reset"/> every slot, so after
/// the first slots it no longer allocates. When posted, the ledger stamps each transfer in place with its
/// sequence and batch number. Not thread-safe.
/// </summary>
public sealed class TransferBatch
{
    private Transfer[] _items;
    private int _count;

    /// <param name="capacity">Transfers to make room for up front, ≥ 0; the buffer grows as needed.</param>
    public TransferBatch(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = capacity == 0 ? [] : new Transfer[capacity];
    }

    /// <summary>The settlement this batch performs; <c>default</c> until <see cref="Reset"/>.</summary>
    public SettlementKey Key { get; private set; }

    public int Count => _count;

    /// <summary>The transfers in the order they will be validated and applied.</summary>
    public ReadOnlySpan<Transfer> Transfers => _items.AsSpan(0, _count);

    internal Span<Transfer> Items => _items.AsSpan(0, _count);

    /// <summary>Empties the batch and gives it the key of the next settlement.</summary>
    public void Reset(SettlementKey key)
    {
        if (!key.IsDefined)
        {
            throw new ArgumentException("A batch needs a settlement key (SettlementKey.ForSlot or ForRequest).", nameof(key));
        }
        Key = key;
        _count = 0;
    }

    /// <summary>Appends a transfer (already validated by its constructor). Order matters: the ledger checks
    /// each payer's balance as it stands after the transfers before it.</summary>
    public void Add(Transfer transfer)
    {
        if (transfer.IsPosted)
        {
            throw new ArgumentException($"Transfer {transfer.Sequence} is already posted; add a new transfer instead.", nameof(transfer));
        }
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(16, checked(_items.Length * 2)));
        }
        _items[_count++] = transfer;
    }
}
