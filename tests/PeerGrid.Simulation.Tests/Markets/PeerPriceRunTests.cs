using PeerGrid.Domain.Households;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Sharing;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>The P2P money of each slot (<see cref="CommunitySlot.PeerPaidMicros"/>) and the per-slot series the lab keeps (<see cref="SlotSeries"/>).</summary>
public class PeerPriceRunTests
{
    /// <summary>
    /// Two hours of 15-minute slots, import 0.30, export 0.10. A draws <paramref name="needKw"/> in the first hour only; B
    /// generates <paramref name="genKw"/> all the time. So slots 0–3 can trade, slots 4–7 cannot (A needs nothing).
    /// </summary>
    private static Scenario Neighbours(double needKw, double genKw)
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", genKw) };
        var a = House("a", appliances: [Window(needKw, "00:00", "01:00")]);
        var b = House("b", generators: [new ProfileGenerator("roof", true, "gen")]);
        return Build([a, b], hours: 2, profiles: profiles);
    }

    private static SlotSeries Run(Scenario scenario, IMarketMechanism market, bool pricedEachSlot = true)
    {
        var series = new SlotSeries(pricedEachSlot);
        Simulator.Run(scenario, market, [series], threads: 1);
        return series;
    }

    [Fact]
    public void PayAsClear_OneTradePerSlot_PricesTheSlotAtTheClearingPrice()
    {
        // A bids 0.5 kWh at 0.30, B offers 0.5 kWh at 0.10: the equilibrium interval's midpoint 0.20, so 0.10 per slot.
        SlotSeries s = Run(Neighbours(2, 2), new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)));

        Assert.Equal(8, s.SlotCount);
        for (int slot = 0; slot < 4; slot++)
        {
            Assert.Equal(0.5, s.PeerTradedKwh[slot], 12);
            Assert.Equal(100_000, s.PeerPaidMicros[slot]);
            Assert.Equal(200_000, s.PeerPriceMicrosPerKwh(slot));
            Assert.Equal(300_000, s.BuyMicrosPerKwh[slot]);
            Assert.Equal(100_000, s.SellMicrosPerKwh[slot]);
        }
        for (int slot = 4; slot < 8; slot++)
        {
            Assert.Equal(0, s.PeerTradedKwh[slot]);
            Assert.Equal(0, s.PeerPaidMicros[slot]);
            Assert.Null(s.PeerPriceMicrosPerKwh(slot));
            Assert.Equal(0.5, s.ExportKwh[slot], 12);
        }
    }

    [Fact]
    public void Sdr_WithHalfTheDemandSupplied_PricesPeerEnergyAtTheSellersPrice()
    {
        // A needs 0.5 kWh a slot, B supplies 0.25: SDR = 0.5, P_sell = 0.1·0.3 / (0.2·0.5 + 0.1) = 0.15 (Liu 2017, Eq. 7).
        // A pays P_buy = 0.15·0.5 + 0.30·0.5 = 0.225 for 0.5 kWh (112,500 µ); the pool's 0.25 kWh import costs 75,000 µ;
        // so 37,500 µ paid for 0.25 kWh from B: 0.15 per kWh.
        SlotSeries s = Run(Neighbours(2, 1), new SlotSharingMarket(SupplyDemandRatio.Instance, 2));

        for (int slot = 0; slot < 4; slot++)
        {
            Assert.Equal(0.25, s.PeerTradedKwh[slot], 12);
            Assert.Equal(37_500, s.PeerPaidMicros[slot]);
            Assert.Equal(150_000, s.PeerPriceMicrosPerKwh(slot));
        }
        Assert.Null(s.PeerPriceMicrosPerKwh(4));
    }

    [Fact]
    public void GridOnlyAndBillSharing_HaveNoPeerPriceInAnySlot()
    {
        SlotSeries grid = Run(Neighbours(2, 2), new GridOnlyMarket());
        SlotSeries bill = Run(Neighbours(2, 2), new BillSharingMarket(2), pricedEachSlot: false);

        Assert.All(Enumerable.Range(0, 8), slot => Assert.Null(grid.PeerPriceMicrosPerKwh(slot)));
        Assert.All(Enumerable.Range(0, 8), slot => Assert.Null(bill.PeerPriceMicrosPerKwh(slot)));
        Assert.Equal(0.5, bill.PeerTradedKwh[0], 12); // energy still flows through the pool; the money comes at the period's close
    }

    public static TheoryData<ulong, string> RandomCases()
    {
        var data = new TheoryData<ulong, string>();
        string[] names = ["pay-as-clear", "pay-as-bid", "pay-as-offer", "sdr", "mmr"];
        for (ulong seed = 1; seed <= 10; seed++)
        {
            data.Add(seed, names[(int)(seed % (ulong)names.Length)]);
        }
        return data;
    }

    private static IMarketMechanism Mechanism(string name, int n) => name switch
    {
        "pay-as-clear" => new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        "pay-as-bid" => new AuctionMarket(new PayAsBid()),
        "pay-as-offer" => new AuctionMarket(new PayAsOffer()),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, n),
        _ => new SlotSharingMarket(MidMarketRate.Instance, n),
    };

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomCommunities_SlotSumsEqualTheRunTotals_AndEveryPeerPriceLiesBetweenTheGridsPrices(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 8);
        var series = new SlotSeries();

        RunTotals t = Simulator.Run(scenario, Mechanism(mechanism, scenario.Households.Count), [series], threads: 1);

        Assert.Equal(t.SlotCount, series.SlotCount);
        Assert.Equal(t.LoadKwh.Sum(), series.LoadKwh.Sum(), 9);
        Assert.Equal(t.GenerationKwh.Sum(), series.GenerationKwh.Sum(), 9);
        Assert.Equal(t.ImportKwh.Sum(), series.ImportKwh.Sum(), 9);
        Assert.Equal(t.ExportKwh.Sum(), series.ExportKwh.Sum(), 9);
        Assert.Equal(t.PeerBoughtKwh.Sum(), series.PeerTradedKwh.Sum(), 9);
        int priced = 0;
        for (int s = 0; s < series.SlotCount; s++)
        {
            if (series.PeerPriceMicrosPerKwh(s) is not { } price)
            {
                Assert.True(series.PeerTradedKwh[s] < 1e-6, $"slot {s} traded {series.PeerTradedKwh[s]} kWh without a price");
                continue;
            }
            priced++;
            // Each trade's cost is rounded to the micro-unit: allow that rounding, spread over the slot's energy.
            long slack = (long)Math.Ceiling(scenario.Households.Count * scenario.Households.Count / series.PeerTradedKwh[s]);
            Assert.InRange(price, series.SellMicrosPerKwh[s] - slack, series.BuyMicrosPerKwh[s] + slack);
        }
        Assert.True(priced > 0 || series.PeerTradedKwh.Sum() == 0, "a community that traded has priced slots");
    }

    [Fact]
    public void SlotsOfDay_CoverTheCalendarWithoutGaps()
    {
        SlotSeries s = Run(RandomScenarios.Create(3, householdCount: 2), new GridOnlyMarket());

        int next = 0;
        for (int day = 0; day < s.Calendar.DayCount; day++)
        {
            (int first, int count) = s.SlotsOfDay(day);
            Assert.Equal(next, first);
            Assert.True(count > 0);
            next = first + count;
        }
        Assert.Equal(s.SlotCount, next);
    }
}
