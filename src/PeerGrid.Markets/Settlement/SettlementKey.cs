using System.Buffers.Binary;
using System.Globalization;

namespace PeerGrid.Markets.Settlement;

/// <summary>What a settlement key identifies. Stored by persisted ledgers: never renumber.</summary>
public enum SettlementKeyKind
{
    /// <summary>One community's settlement of one slot: <see cref="SettlementKey.Scope"/> = community, <see cref="SettlementKey.Number"/> = slot.</summary>
    Slot = 1,

    /// <summary>One request, e.g. a top-up on the web platform, by its idempotency key (a <see cref="Guid"/>).</summary>
    Request = 2,
}

/// <summary>
/// The identity of one settlement, unique per ledger: the ledger posts a batch with a given key at most once,
/// so nothing is settled twice. A value type of three numbers so the engine makes one per slot without
/// allocating, and a database can hold it in three columns under a unique index. <c>default</c> is no key.
/// </summary>
public readonly record struct SettlementKey
{
    private SettlementKey(SettlementKeyKind kind, long scope, long number)
    {
        Kind = kind;
        Scope = scope;
        Number = number;
    }

    public SettlementKeyKind Kind { get; }

    /// <summary>The community for <see cref="SettlementKeyKind.Slot"/>; the first 8 bytes of the request id otherwise.</summary>
    public long Scope { get; }

    /// <summary>The slot for <see cref="SettlementKeyKind.Slot"/>; the last 8 bytes of the request id otherwise.</summary>
    public long Number { get; }

    /// <summary>False for <c>default</c>, which the ledger refuses to post.</summary>
    public bool IsDefined => Kind != 0;

    /// <summary>The settlement of <paramref name="slot"/> (≥ 0) in <paramref name="community"/> (≥ 0).</summary>
    public static SettlementKey ForSlot(int community, int slot)
    {
        if (community < 0 || slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"Community ({community}) and slot ({slot}) must be ≥ 0.");
        }
        return new SettlementKey(SettlementKeyKind.Slot, community, slot);
    }

    /// <summary>The settlement of one request, by the idempotency key its client sent (not <see cref="Guid.Empty"/>).</summary>
    public static SettlementKey ForRequest(Guid idempotencyKey)
    {
        if (idempotencyKey == Guid.Empty)
        {
            throw new ArgumentException("An idempotency key must not be the empty Guid.", nameof(idempotencyKey));
        }
        Span<byte> bytes = stackalloc byte[16];
        idempotencyKey.TryWriteBytes(bytes);
        return new SettlementKey(SettlementKeyKind.Request, BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]));
    }

    /// <summary>A key as stored (three columns), e.g. loaded back from a database.</summary>
    public static SettlementKey FromParts(SettlementKeyKind kind, long scope, long number) => kind switch
    {
        SettlementKeyKind.Slot when scope is >= 0 and <= int.MaxValue && number is >= 0 and <= int.MaxValue => new(kind, scope, number),
        SettlementKeyKind.Request when scope != 0 || number != 0 => new(kind, scope, number),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), $"Not a settlement key: {kind} {scope} {number}."),
    };

    /// <summary>The request's idempotency key; throws for a slot key.</summary>
    public Guid RequestId
    {
        get
        {
            if (Kind != SettlementKeyKind.Request)
            {
                throw new InvalidOperationException($"{this} is not a request key.");
            }
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, Scope);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Number);
            return new Guid(bytes);
        }
    }

    /// <summary>"slot 3/1234" (community/slot), "request 0f8fad5b-…" or "none".</summary>
    public override string ToString() => Kind switch
    {
        SettlementKeyKind.Slot => string.Create(CultureInfo.InvariantCulture, $"slot {Scope}/{Number}"),
        SettlementKeyKind.Request => "request " + RequestId.ToString("D", CultureInfo.InvariantCulture),
        _ => "none",
    };
}
