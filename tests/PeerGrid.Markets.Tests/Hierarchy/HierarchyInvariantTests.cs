using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Strategies;
using static PeerGrid.Markets.Tests.Hierarchy.HierarchyKit;

namespace PeerGrid.Markets.Tests.Hierarchy;

/// <summary>Seeded random hierarchies and books: the identities every slot must keep, and the flat case against <see cref="AuctionMarket"/>.</summary>
public class HierarchyInvariantTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (int seed = 1; seed <= 60; seed++)
        {
            data.Add(seed, MechanismNames[seed % MechanismNames.Length]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AOneCellHierarchyWithoutCharges_EqualsTheFlatAuctionExactly(int seed, string mechanism)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(1, 40);
        var flat = new AuctionMarket(Clearing(mechanism)());
        var nested = new HierarchicalMarket(HierarchyTopology.Flat(n), HierarchyCharges.None, Clearing(mechanism));
        for (int s = 0; s < 5; s++)
        {
            MarketSlot a = RandomSlot(random, n), b = Copy(a);

            flat.Clear(a);
            nested.Clear(b);

            Assert.Equal(a.TradedKwh, b.TradedKwh);
            Assert.Equal(a.PaidMicros, b.PaidMicros);
            Assert.Equal(flat.LastOperatorSurplusMicros, nested.LastOperatorSurplusMicros);
            Assert.Equal(0, nested.LastGridFeesMicrosTotal);
            Assert.Equal(0, nested.LastLossesKwh);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EverySlot_BalancesMoneyAndEnergy_KeepsCapacities_AndNoHouseholdLosesByTrading(int seed, string mechanism)
    {
        var random = new Random(seed); // test data only
        int n = random.Next(2, 60);
        HierarchyTopology topology = RandomTopology(random, n);
        HierarchyCharges charges = RandomCharges(random);
        var market = new HierarchicalMarket(topology, charges, Clearing(mechanism));
        for (int s = 0; s < 8; s++)
        {
            MarketSlot slot = RandomSlot(random, n);
            market.Clear(slot);
            Check(market, topology, charges, slot, $"seed {seed} slot {s} {mechanism}");
        }
    }

    [Fact]
    public void Clearing_AfterTheFirstSlots_AllocatesNothing()
    {
        var random = new Random(5); // test data only
        int n = 200;
        var topology = new HierarchyTopology(
            [.. Enumerable.Range(0, n).Select(h => h % 8)],
            [0, 0, 1, 1, 2, 2, 3, 3],
            [0, 0, 1, 1],
            [.. Enumerable.Repeat<double?>(0.5, 8)],
            [.. Enumerable.Repeat<double?>(0.5, 8)]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-clear"));
        MarketSlot[] slots = [.. Enumerable.Range(0, 4).Select(_ => RandomSlot(random, n))];
        foreach (MarketSlot slot in slots)
        {
            market.Clear(slot);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (MarketSlot slot in slots)
        {
            ResetOutputs(slot);
            market.Clear(slot);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains(market.LastCongestedExportKwh.ToArray().Concat(market.LastCongestedImportKwh.ToArray()), v => v > 0);
    }

    private static void Check(HierarchicalMarket market, HierarchyTopology topology, HierarchyCharges charges, MarketSlot slot, string context)
    {
        int n = slot.NetKwh.Length;
        long paid = 0;
        double sent = 0, received = 0;
        for (int h = 0; h < n; h++)
        {
            double traded = slot.TradedKwh[h], net = slot.NetKwh[h];
            paid += slot.PaidMicros[h];
            if (traded > 0)
            {
                received += traded;
                Assert.True(net > 0 && traded <= net + 1e-12, $"{context}: buyer {h} receives at most its need");
                // Each trade rounds up to six parts half a micro each; a buyer trades with at most n sellers per level.
                long limit = Math.Min(slot.BidLimitMicrosPerKwh[h], slot.GridBuyMicrosPerKwh);
                Assert.True(slot.PaidMicros[h] <= (limit * traded) + (9.0 * n) + 1, $"{context}: buyer {h} pays at most its limit per kWh received ({slot.PaidMicros[h]} for {traded} kWh at {limit})");
            }
            else if (traded < 0)
            {
                sent -= traded;
                Assert.True(net < 0 && -traded <= -net + 1e-12, $"{context}: seller {h} sends at most its surplus");
                long limit = Math.Max(slot.OfferLimitMicrosPerKwh[h], slot.GridSellMicrosPerKwh);
                Assert.True(-slot.PaidMicros[h] >= (limit * -traded) - (1.5 * n) - 1, $"{context}: seller {h} receives at least its limit per kWh sent");
            }
            else
            {
                Assert.Equal(0, slot.PaidMicros[h]);
            }
        }
        Assert.Equal(market.LastGridFeesMicrosTotal + market.LastPlatformFeesMicros + market.LastOperatorSurplusMicros, paid);
        Assert.True(market.LastGridFeesMicrosTotal >= 0 && market.LastPlatformFeesMicros >= 0 && market.LastOperatorSurplusMicros >= 0, context);
        Assert.True(Math.Abs(sent - received - market.LastLossesKwh) < 1e-9, $"{context}: sent − received = losses");
        double tradedAll = market.LastTradedKwh(HierarchyLevel.Cell) + market.LastTradedKwh(HierarchyLevel.Community) + market.LastTradedKwh(HierarchyLevel.Region);
        Assert.True(Math.Abs(tradedAll - sent) < 1e-9, $"{context}: level volumes add up to the energy sent");
        if (charges.LossPerCrossing == 0)
        {
            Assert.True(Math.Abs(sent - received) < 1e-9, context);
        }

        double exported = 0, imported = 0;
        for (int c = 0; c < topology.CellCount; c++)
        {
            exported += market.LastCellExportKwh[c];
            imported += market.LastCellImportKwh[c];
            Assert.True(market.LastCellExportKwh[c] <= (topology.ExportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"{context}: cell {c} exports within its capacity");
            Assert.True(market.LastCellImportKwh[c] <= (topology.ImportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"{context}: cell {c} imports within its capacity");
            Assert.True(market.LastCongestedExportKwh[c] >= 0 && market.LastCongestedImportKwh[c] >= 0, context);
            Assert.True(market.LastCongestedExportKwh[c] == 0 || topology.ExportCapacityKwh(c) is not null, $"{context}: only a limited cell is congested");
            Assert.True(market.LastCongestedImportKwh[c] == 0 || topology.ImportCapacityKwh(c) is not null, $"{context}: only a limited cell is congested");
        }
        double crossing = market.LastTradedKwh(HierarchyLevel.Community) + market.LastTradedKwh(HierarchyLevel.Region);
        Assert.True(Math.Abs(exported - crossing) < 1e-9, $"{context}: cell exports = energy sent above the cells");
        Assert.True(Math.Abs(imported - (crossing - market.LastLossesKwh)) < 1e-9, $"{context}: cell imports = what arrived from above the cells");
    }

    private static MarketSlot RandomSlot(Random random, int n)
    {
        var slot = new MarketSlot(n)
        {
            GridBuyMicrosPerKwh = random.Next(3) == 0 ? random.Next(-50_000, 600_000) : 300_000,
        };
        slot.GridSellMicrosPerKwh = Math.Min(slot.GridBuyMicrosPerKwh, random.Next(-100_000, 150_000));
        for (int h = 0; h < n; h++)
        {
            int kind = random.Next(5);
            slot.NetKwh[h] = kind switch
            {
                0 => 0,
                1 => -random.NextDouble() * 3,
                2 => random.NextDouble() * 3,
                3 => Math.Round(random.NextDouble() * 4 - 2, 1),
                _ => (random.NextDouble() - 0.5) * 1e-6,
            };
            slot.BidLimitMicrosPerKwh[h] = random.Next(2) == 0 ? long.MaxValue : random.Next(-20_000, 500_000);
            slot.OfferLimitMicrosPerKwh[h] = random.Next(2) == 0 ? 0 : random.Next(-20_000, 400_000);
            slot.IsRenewable[h] = random.Next(2) == 0;
        }
        return slot;
    }

    private static MarketSlot Copy(MarketSlot a)
    {
        var b = new MarketSlot(a.NetKwh.Length) { Slot = a.Slot, GridBuyMicrosPerKwh = a.GridBuyMicrosPerKwh, GridSellMicrosPerKwh = a.GridSellMicrosPerKwh };
        a.NetKwh.CopyTo(b.NetKwh, 0);
        a.BidLimitMicrosPerKwh.CopyTo(b.BidLimitMicrosPerKwh, 0);
        a.OfferLimitMicrosPerKwh.CopyTo(b.OfferLimitMicrosPerKwh, 0);
        a.IsRenewable.CopyTo(b.IsRenewable, 0);
        return b;
    }

    private static HierarchyTopology RandomTopology(Random random, int n)
    {
        int regions = random.Next(1, 3), communities = random.Next(1, 4), cells = random.Next(1, 7);
        int[] regionOf = [.. Enumerable.Range(0, communities).Select(c => c % regions)];
        int[] communityOf = [.. Enumerable.Range(0, cells).Select(c => random.Next(communities))];
        int[] cellOf = [.. Enumerable.Range(0, n).Select(_ => random.Next(cells))];
        double?[] Capacity() => [.. Enumerable.Range(0, cells).Select(_ => random.Next(3) == 0 ? (double?)null : random.Next(4) == 0 ? 0 : random.NextDouble() * 3)];
        return new HierarchyTopology(cellOf, communityOf, regionOf, Capacity(), Capacity());
    }

    private static HierarchyCharges RandomCharges(Random random)
    {
        GridFee Fee() => random.Next(3) switch
        {
            0 => GridFee.None,
            1 => GridFee.PerKwh(random.Next(0, 50_000)),
            _ => GridFee.Percent(random.Next(0, 200_000) / 10_000m),
        };
        double loss = random.Next(3) == 0 ? 0 : random.NextDouble() * 0.5;
        return new HierarchyCharges(Fee(), Fee(), Fee(), loss, random.Next(2) == 0 ? 0 : random.Next(0, 20_000));
    }

    [Fact]
    public void TheMoneyIdentity_HoldsOverACheckedLongRun()
    {
        // A larger community over many slots: totals stay exact (no drift) across slots.
        var random = new Random(99); // test data only
        int n = 120;
        HierarchyTopology topology = RandomTopology(random, n);
        var market = new HierarchicalMarket(topology, Charges, Clearing("huang"));
        long fees = 0, households = 0;
        for (int s = 0; s < 50; s++)
        {
            MarketSlot slot = RandomSlot(random, n);
            market.Clear(slot);
            fees += market.LastGridFeesMicrosTotal + market.LastPlatformFeesMicros + market.LastOperatorSurplusMicros;
            households += slot.PaidMicros.Sum();
            Assert.True(slot.PaidMicros.All(p => Math.Abs(p) < Money.MicrosPerUnit * 100), "payments stay plausible");
        }
        Assert.Equal(fees, households);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClearingTheNodesOnTwoCores_GivesTheSameResultsBitForBit(int seed, string mechanism)
    {
        var random = new Random(seed + 1000); // test data only
        int n = random.Next(40, 200);
        HierarchyTopology topology = RandomTopology(random, n);
        HierarchyCharges charges = RandomCharges(random);
        var serial = new HierarchicalMarket(topology, charges, Clearing(mechanism), strategy: OrderStrategy.Adaptive(0.3, 0.05));
        var twoCores = new HierarchicalMarket(topology, charges, Clearing(mechanism), strategy: OrderStrategy.Adaptive(0.3, 0.05)) { ParallelFromHouseholds = 0 };
        for (int s = 0; s < 12; s++)
        {
            MarketSlot a = RandomSlot(random, n), b = Copy(a);
            serial.Clear(a);
            twoCores.Clear(b);
            Assert.Equal(a.TradedKwh, b.TradedKwh);
            Assert.Equal(a.PaidMicros, b.PaidMicros);
            Assert.Equal(serial.LastLossesKwh, twoCores.LastLossesKwh);
            Assert.Equal(serial.LastGridFeesMicrosTotal, twoCores.LastGridFeesMicrosTotal);
            Assert.Equal(serial.LastPlatformFeesMicros, twoCores.LastPlatformFeesMicros);
            Assert.Equal(serial.LastOperatorSurplusMicros, twoCores.LastOperatorSurplusMicros);
            Assert.Equal(serial.LastCongestedExportKwh.ToArray(), twoCores.LastCongestedExportKwh.ToArray());
            for (int h = 0; h < n; h++)
            {
                Assert.Equal(serial.Pricer.Estimate(h), twoCores.Pricer.Estimate(h));
            }
        }
    }
}
