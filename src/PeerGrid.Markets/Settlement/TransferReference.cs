namespace PeerGrid.Markets.Settlement;

/// <summary>
/// What a transfer settles, for audit: the market's trade and order ids (each ≥ 0, 0 = none). A grid import
/// has none; a P2P payment names its trade and both orders.
/// </summary>
public readonly record struct TransferReference
{
    public static readonly TransferReference None;

    public TransferReference(long tradeId, long buyOrderId = 0, long sellOrderId = 0)
    {
        if (tradeId < 0 || buyOrderId < 0 || sellOrderId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tradeId), $"Reference ids must be ≥ 0 (0 = none); got trade {tradeId}, buy order {buyOrderId}, sell order {sellOrderId}.");
        }
        TradeId = tradeId;
        BuyOrderId = buyOrderId;
        SellOrderId = sellOrderId;
    }

    /// <summary>The market's trade id, 0 = none.</summary>
    public long TradeId { get; }

    /// <summary>The buyer's order (bid) id, 0 = none.</summary>
    public long BuyOrderId { get; }

    /// <summary>The seller's order (offer) id, 0 = none.</summary>
    public long SellOrderId { get; }
}
