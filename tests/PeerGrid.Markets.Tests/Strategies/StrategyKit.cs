using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Strategies;

namespace PeerGrid.Markets.Tests.Strategies;

/// <summary>Slots, strategies and a clearing wrapper that checks every book the strategies form.</summary>
internal static class StrategyKit
{
    public const long Retail = 300_000;
    public const long FeedIn = 100_000;

    /// <summary>Households with net positions <paramref name="netKwh"/>, no own limits unless given; retail 0.30, feed-in 0.10.</summary>
    public static MarketSlot Slot(double[] netKwh, long[]? bidLimits = null, long[]? offerLimits = null)
    {
        var slot = new MarketSlot(netKwh.Length) { GridBuyMicrosPerKwh = Retail, GridSellMicrosPerKwh = FeedIn };
        netKwh.CopyTo(slot.NetKwh, 0);
        Array.Fill(slot.BidLimitMicrosPerKwh, long.MaxValue);
        Array.Fill(slot.OfferLimitMicrosPerKwh, long.MinValue);
        bidLimits?.CopyTo(slot.BidLimitMicrosPerKwh, 0);
        offerLimits?.CopyTo(slot.OfferLimitMicrosPerKwh, 0);
        return slot;
    }

    public static void ResetOutputs(MarketSlot slot)
    {
        Array.Clear(slot.TradedKwh);
        Array.Clear(slot.PoolGridKwh);
        Array.Clear(slot.PaidMicros);
        slot.GridFeesMicros = 0;
    }

    public static MarketSlot RandomSlot(Random random, int n)
    {
        var slot = new MarketSlot(n)
        {
            GridBuyMicrosPerKwh = random.Next(3) == 0 ? random.Next(-50_000, 600_000) : Retail,
        };
        slot.GridSellMicrosPerKwh = Math.Min(slot.GridBuyMicrosPerKwh, random.Next(-100_000, 150_000));
        for (int h = 0; h < n; h++)
        {
            slot.NetKwh[h] = random.Next(5) switch
            {
                0 => 0,
                1 => -random.NextDouble() * 3,
                2 => random.NextDouble() * 3,
                3 => Math.Round((random.NextDouble() * 4) - 2, 1),
                _ => (random.NextDouble() - 0.5) * 1e-6,
            };
            slot.BidLimitMicrosPerKwh[h] = random.Next(2) == 0 ? long.MaxValue : random.Next(-20_000, 500_000);
            slot.OfferLimitMicrosPerKwh[h] = random.Next(2) == 0 ? long.MinValue : random.Next(-20_000, 400_000);
            slot.IsRenewable[h] = random.Next(2) == 0;
        }
        return slot;
    }

    public static MarketSlot Copy(MarketSlot a)
    {
        var b = new MarketSlot(a.NetKwh.Length) { GridBuyMicrosPerKwh = a.GridBuyMicrosPerKwh, GridSellMicrosPerKwh = a.GridSellMicrosPerKwh, Slot = a.Slot };
        a.NetKwh.CopyTo(b.NetKwh, 0);
        a.BidLimitMicrosPerKwh.CopyTo(b.BidLimitMicrosPerKwh, 0);
        a.OfferLimitMicrosPerKwh.CopyTo(b.OfferLimitMicrosPerKwh, 0);
        a.IsRenewable.CopyTo(b.IsRenewable, 0);
        return b;
    }

    public static IClearingMechanism Clearing(string name) => name switch
    {
        "pay-as-clear" => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
        "marginal-pair" => new PayAsClear(PricingConvention.MarginalPair, 0.3),
        "pay-as-bid" => new PayAsBid(),
        "pay-as-offer" => new PayAsOffer(),
        "huang" => new HuangTradeReduction(),
        "preference-first" => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown mechanism"),
    };

    public static readonly string[] MechanismNames = ["pay-as-clear", "marginal-pair", "pay-as-bid", "pay-as-offer", "huang", "preference-first"];

    public static OrderStrategy Strategy(string name, int rounds = 4) => name switch
    {
        "fixed" => OrderStrategy.Fixed,
        "ramp" => OrderStrategy.Ramp(rounds),
        "adaptive" => OrderStrategy.Adaptive(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown strategy"),
    };
}

/// <summary>
/// Wraps a flat market's clearing mechanism: every book must hold each household's remaining energy at most once, at
/// a price within its limit (bids ≤ min(maximum, retail), offers ≥ max(minimum, feed-in)); every trade within both
/// orders' prices. Records each round's book prices and the trades.
/// </summary>
internal sealed class CheckingClearing(IClearingMechanism inner) : IClearingMechanism
{
    public MarketSlot? Slot { get; set; }

    public string Name => inner.Name;

    /// <summary>Per clearing: (household, price) of every order, bids then offers.</summary>
    public List<(int Household, long Price)[]> Books { get; } = [];

    public List<Trade> Trades { get; } = [];

    public void Clear(OrderBook book, ClearingResult result)
    {
        MarketSlot slot = Slot ?? throw new InvalidOperationException("Set Slot first.");
        var seen = new HashSet<int>();
        foreach (Order b in book.Bids)
        {
            Assert.True(seen.Add(b.Id), "one order per household");
            Assert.True(slot.NetKwh[b.Id] > 0, "only a household in need bids");
            Assert.True(b.PriceMicrosPerKwh <= Math.Min(slot.BidLimitMicrosPerKwh[b.Id], slot.GridBuyMicrosPerKwh), $"bid of {b.Id} at {b.PriceMicrosPerKwh} above its limit");
            Assert.True(b.EnergyMicroKwh <= slot.NetKwh[b.Id] * 1e6, "a bid never exceeds the need");
        }
        foreach (Order o in book.Offers)
        {
            Assert.True(seen.Add(o.Id), "one order per household");
            Assert.True(slot.NetKwh[o.Id] < 0, "only a household with surplus offers");
            Assert.True(o.PriceMicrosPerKwh >= Math.Max(slot.OfferLimitMicrosPerKwh[o.Id], slot.GridSellMicrosPerKwh), $"offer of {o.Id} at {o.PriceMicrosPerKwh} below its limit");
            Assert.True(o.EnergyMicroKwh <= -slot.NetKwh[o.Id] * 1e6, "an offer never exceeds the surplus");
        }
        Books.Add([.. book.Bids.ToArray().Select(b => (b.Id, b.PriceMicrosPerKwh)), .. book.Offers.ToArray().Select(o => (o.Id, o.PriceMicrosPerKwh))]);
        inner.Clear(book, result);
        foreach (Trade t in result.Trades)
        {
            Assert.True(t.BuyerPriceMicrosPerKwh <= book.Bids[t.Bid].PriceMicrosPerKwh, "no trade above the bid");
            Assert.True(t.SellerPriceMicrosPerKwh >= book.Offers[t.Offer].PriceMicrosPerKwh, "no trade below the offer");
            Trades.Add(t);
        }
    }
}
