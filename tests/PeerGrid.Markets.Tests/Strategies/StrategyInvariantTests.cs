using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Strategies;
using static PeerGrid.Markets.Tests.Strategies.StrategyKit;

namespace PeerGrid.Markets.Tests.Strategies;

/// <summary>Seeded random slots for every strategy × mechanism: fixed is today's market bit for bit, R = 1 is fixed, and the identities hold.</summary>
public class StrategyInvariantTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (int seed = 1; seed <= 24; seed++)
        {
            data.Add(seed, MechanismNames[seed % MechanismNames.Length]);
        }
        return data;
    }

    public static TheoryData<int, string, string> StrategyCases()
    {
        var data = new TheoryData<int, string, string>();
        string[] strategies = ["fixed", "ramp", "adaptive"];
        for (int seed = 1; seed <= 36; seed++)
        {
            data.Add(seed, MechanismNames[seed % MechanismNames.Length], strategies[seed % 3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixed_IsTheFormerAuctionMarketBitForBit_AndARampOfOneRoundIsFixed(int seed, string mechanism)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(1, 40);
        var legacy = new LegacyAuction(Clearing(mechanism));
        var fixedMarket = new AuctionMarket(Clearing(mechanism));
        var rampOfOne = new AuctionMarket(Clearing(mechanism), strategy: OrderStrategy.Ramp(1));
        var nestedRampOfOne = new HierarchicalMarket(HierarchyTopology.Flat(n), HierarchyCharges.None, () => Clearing(mechanism), strategy: OrderStrategy.Ramp(1));
        for (int s = 0; s < 6; s++)
        {
            MarketSlot a = RandomSlot(random, n), b = Copy(a), c = Copy(a), d = Copy(a);

            legacy.Clear(a);
            fixedMarket.Clear(b);
            rampOfOne.Clear(c);
            nestedRampOfOne.Clear(d);

            foreach (MarketSlot other in (MarketSlot[])[b, c, d])
            {
                Assert.Equal(a.TradedKwh, other.TradedKwh);
                Assert.Equal(a.PaidMicros, other.PaidMicros);
            }
            Assert.Equal(legacy.LastOperatorSurplusMicros, fixedMarket.LastOperatorSurplusMicros);
            Assert.Equal(legacy.LastOperatorSurplusMicros, rampOfOne.LastOperatorSurplusMicros);
        }
    }

    [Theory]
    [MemberData(nameof(StrategyCases))]
    public void AOneCellHierarchy_EqualsTheFlatAuction_UnderEveryStrategy(int seed, string mechanism, string strategy)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(1, 30);
        var flat = new AuctionMarket(Clearing(mechanism), strategy: Strategy(strategy, rounds: 1 + random.Next(6)));
        var nested = new HierarchicalMarket(HierarchyTopology.Flat(n), HierarchyCharges.None, () => Clearing(mechanism), strategy: flat.Pricer.Strategy);
        for (int s = 0; s < 8; s++)
        {
            MarketSlot a = RandomSlot(random, n), b = Copy(a);

            flat.Clear(a);
            nested.Clear(b);

            Assert.Equal(a.TradedKwh, b.TradedKwh);
            Assert.Equal(a.PaidMicros, b.PaidMicros);
            Assert.Equal(flat.LastOperatorSurplusMicros, nested.LastOperatorSurplusMicros);
            for (int h = 0; h < n; h++)
            {
                Assert.Equal(flat.Pricer.Estimate(h), nested.Pricer.Estimate(h));
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyCases))]
    public void FlatMarket_EveryBookWithinTheLimits_EnergyAndMoneyBalanced(int seed, string mechanism, string strategy)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(2, 40);
        var checking = new CheckingClearing(Clearing(mechanism));
        var market = new AuctionMarket(checking, strategy: Strategy(strategy, rounds: 1 + random.Next(12)));
        for (int s = 0; s < 10; s++)
        {
            MarketSlot slot = RandomSlot(random, n);
            checking.Slot = slot;
            int before = checking.Trades.Count;

            market.Clear(slot);

            long paid = 0;
            double bought = 0, sold = 0;
            for (int h = 0; h < n; h++)
            {
                double traded = slot.TradedKwh[h];
                paid += slot.PaidMicros[h];
                if (traded > 0)
                {
                    bought += traded;
                    Assert.True(traded <= slot.NetKwh[h] + 1e-12, $"buyer {h} receives at most its need");
                }
                else if (traded < 0)
                {
                    sold -= traded;
                    Assert.True(-traded <= -slot.NetKwh[h] + 1e-12, $"seller {h} delivers at most its surplus");
                }
            }
            Assert.Equal(bought, sold, 9);
            Assert.Equal(market.LastOperatorSurplusMicros, paid);
            Assert.True(mechanism == "huang" ? paid >= 0 : paid == 0);
            long surplus = 0;
            foreach (Trade t in checking.Trades.Skip(before))
            {
                surplus += t.OperatorKeepsMicros;
            }
            Assert.Equal(surplus, paid);
        }
    }

    [Theory]
    [MemberData(nameof(StrategyCases))]
    public void RandomHierarchies_KeepMoneyEnergyAndCapacities_UnderEveryStrategy(int seed, string mechanism, string strategy)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(2, 50);
        int cells = 1 + random.Next(5), communities = 1 + random.Next(3);
        var topology = new HierarchyTopology(
            [.. Enumerable.Range(0, n).Select(_ => random.Next(cells))],
            [.. Enumerable.Range(0, cells).Select(_ => random.Next(communities))],
            [.. Enumerable.Range(0, communities).Select(c => c % 2)],
            [.. Enumerable.Range(0, cells).Select(_ => random.Next(2) == 0 ? (double?)(random.NextDouble() * 0.5) : null)],
            [.. Enumerable.Range(0, cells).Select(_ => random.Next(2) == 0 ? (double?)(random.NextDouble() * 0.5) : null)]);
        var charges = new HierarchyCharges(GridFee.PerKwh(random.Next(30_000)), GridFee.Percent(random.Next(50) / 10m), GridFee.PerKwh(random.Next(30_000)), random.NextDouble() * 0.1, random.Next(10_000));
        int rounds = 1 + random.Next(8);
        var market = new HierarchicalMarket(topology, charges, () => Clearing(mechanism), strategy: Strategy(strategy, rounds));
        for (int s = 0; s < 8; s++)
        {
            MarketSlot slot = RandomSlot(random, n);
            market.Clear(slot);

            long paid = 0;
            double sent = 0, received = 0;
            for (int h = 0; h < n; h++)
            {
                double traded = slot.TradedKwh[h], net = slot.NetKwh[h];
                paid += slot.PaidMicros[h];
                if (traded > 0)
                {
                    received += traded;
                    Assert.True(net > 0 && traded <= net + 1e-12, $"buyer {h} receives at most its need");
                    // Per trade and part at most half a micro-unit of rounding; a buyer trades at most n times per level and round.
                    long limit = Math.Min(slot.BidLimitMicrosPerKwh[h], slot.GridBuyMicrosPerKwh);
                    Assert.True(slot.PaidMicros[h] <= (limit * traded) + (9.0 * n * rounds) + 1, $"buyer {h} pays at most its limit per kWh received");
                }
                else if (traded < 0)
                {
                    sent -= traded;
                    Assert.True(net < 0 && -traded <= -net + 1e-12, $"seller {h} sends at most its surplus");
                    long limit = Math.Max(slot.OfferLimitMicrosPerKwh[h], slot.GridSellMicrosPerKwh);
                    Assert.True(-slot.PaidMicros[h] >= (limit * -traded) - (1.5 * n * rounds) - 1, $"seller {h} receives at least its limit per kWh sent");
                }
                else
                {
                    Assert.Equal(0, slot.PaidMicros[h]);
                }
            }
            Assert.Equal(market.LastGridFeesMicrosTotal + market.LastPlatformFeesMicros + market.LastOperatorSurplusMicros, paid);
            Assert.True(Math.Abs(sent - received - market.LastLossesKwh) < 1e-9, "sent − received = losses");
            for (int c = 0; c < cells; c++)
            {
                Assert.True(market.LastCellExportKwh[c] <= (topology.ExportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"cell {c} exports within its capacity");
                Assert.True(market.LastCellImportKwh[c] <= (topology.ImportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"cell {c} imports within its capacity");
            }
        }
    }

    [Theory]
    [InlineData("ramp")]
    [InlineData("adaptive")]
    public void Clearing_AfterTheFirstSlots_AllocatesNothing(string strategy)
    {
        var random = new Random(11); // test data only
        int n = 200;
        var flat = new AuctionMarket(Clearing("pay-as-clear"), strategy: Strategy(strategy, rounds: 5));
        var topology = new HierarchyTopology([.. Enumerable.Range(0, n).Select(h => h % 8)], [0, 0, 1, 1, 2, 2, 3, 3], [0, 0, 1, 1]);
        var nested = new HierarchicalMarket(topology, HierarchyCharges.None with { LossPerCrossing = 0.01 }, () => Clearing("pay-as-clear"), strategy: Strategy(strategy, rounds: 5));
        MarketSlot[] slots = [.. Enumerable.Range(0, 4).Select(_ => RandomSlot(random, n))];
        foreach (MarketSlot slot in slots)
        {
            flat.Clear(slot);
            ResetOutputs(slot);
            nested.Clear(slot);
            ResetOutputs(slot);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (MarketSlot slot in slots)
        {
            flat.Clear(slot);
            ResetOutputs(slot);
            nested.Clear(slot);
            ResetOutputs(slot);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("ramp")]
    [InlineData("adaptive")]
    public void TwoRuns_AreIdentical(string strategy)
    {
        static (double[] Traded, long[] Paid) Run(string strategy)
        {
            var random = new Random(3); // test data only
            var market = new AuctionMarket(Clearing("pay-as-bid"), strategy: Strategy(strategy, rounds: 7));
            var traded = new List<double>();
            var paid = new List<long>();
            for (int s = 0; s < 20; s++)
            {
                MarketSlot slot = RandomSlot(random, 25);
                market.Clear(slot);
                traded.AddRange(slot.TradedKwh);
                paid.AddRange(slot.PaidMicros);
            }
            return ([.. traded], [.. paid]);
        }

        (double[] a, long[] pa) = Run(strategy);
        (double[] b, long[] pb) = Run(strategy);

        Assert.Equal(a, b);
        Assert.Equal(pa, pb);
    }

    /// <summary>AuctionMarket.Clear as it was before strategies (fixed limits, one clearing), kept as the bit-for-bit reference.</summary>
    private sealed class LegacyAuction(IClearingMechanism clearing)
    {
        private readonly OrderBook _book = new();
        private readonly ClearingResult _result = new();

        public long LastOperatorSurplusMicros { get; private set; }

        public void Clear(MarketSlot slot)
        {
            _book.Clear();
            double[] net = slot.NetKwh;
            long gridBuy = slot.GridBuyMicrosPerKwh, gridSell = slot.GridSellMicrosPerKwh;
            for (int h = 0; h < net.Length; h++)
            {
                double n = net[h];
                if (n > 0)
                {
                    long energy = FloorMicroKwh(n);
                    if (energy > 0)
                    {
                        _book.AddBid(h, h, Math.Min(slot.BidLimitMicrosPerKwh[h], gridBuy), energy);
                    }
                }
                else if (n < 0)
                {
                    long energy = FloorMicroKwh(-n);
                    if (energy > 0)
                    {
                        _book.AddOffer(h, h, Math.Max(slot.OfferLimitMicrosPerKwh[h], gridSell), energy, slot.IsRenewable[h]);
                    }
                }
            }
            if (_book.BidCount == 0 || _book.OfferCount == 0)
            {
                LastOperatorSurplusMicros = 0;
                return;
            }
            clearing.Clear(_book, _result);
            foreach (ref readonly Trade t in _result.Trades)
            {
                double kwh = t.EnergyMicroKwh / (double)MeteredEnergy.MicroKwhPerKwh;
                slot.TradedKwh[t.Buyer] += kwh;
                slot.TradedKwh[t.Seller] -= kwh;
                slot.PaidMicros[t.Buyer] = checked(slot.PaidMicros[t.Buyer] + t.BuyerPaysMicros);
                slot.PaidMicros[t.Seller] = checked(slot.PaidMicros[t.Seller] - t.SellerReceivesMicros);
            }
            LastOperatorSurplusMicros = _result.OperatorSurplusMicros;
        }

        private static long FloorMicroKwh(double kwh)
        {
            long micro = MeteredEnergy.MicroKwhOf(kwh);
            return micro / (double)MeteredEnergy.MicroKwhPerKwh > kwh ? micro - 1 : micro;
        }
    }
}
