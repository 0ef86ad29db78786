using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;
using static PeerGrid.Markets.Tests.Sharing.SharingTestKit;

namespace PeerGrid.Markets.Tests.Sharing;

public class SlotSharingSettlerTests
{
    public static TheoryData<string> Rules => new() { "sdr", "mmr" };

    private static ISlotPricingRule Rule(string name) => name == "sdr" ? SupplyDemandRatio.Instance : MidMarketRate.Instance;

    [Theory]
    [MemberData(nameof(Rules))]
    public void Settle_EveryoneBuying_EveryonePaysRetail_SplitToTheMicro(string rule)
    {
        // 1/3 kWh each at 0.30: exact 0.1 each; the grid bills 1 kWh = 0.30 (333,333 + 333,333 + 333,334 µkWh).
        SlotSharingResult r = Settle(Rule(rule), 0.30m, 0.10m, 333_333, 333_333, 333_334);

        Assert.Equal(0.30m, r.BuyPrice.ToDecimal());
        Assert.Equal(300_000, r.GridCost.Micros);
        Assert.Equal([100_000, 100_000, 100_000], r.CostMicros);
        Assert.Equal((1 * Kwh, 0L, 0m), (r.GridImport.MicroKwh, r.GridExport.MicroKwh, r.SellerCredit.ToDecimal()));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Settle_EveryoneSelling_EveryoneEarnsTheFeedInTariff(string rule)
    {
        SlotSharingResult r = Settle(Rule(rule), 0.30m, 0.10m, -2 * Kwh, -1 * Kwh, -1);

        Assert.Equal(0.10m, r.SellPrice.ToDecimal());
        Assert.Equal([-200_000, -100_000, 0], r.CostMicros); // 1 µkWh at 0.10 is 0.1 micro: rounds to 0
        Assert.Equal(r.GridCost.Micros, r.CostMicros.Sum());
        Assert.Equal(Money.Zero, r.BuyerCharge);
        Assert.Equal([0L, 0L, 0L], r.ImportMicroKwh);
        Assert.Equal([2 * Kwh, 1 * Kwh, 1L], r.ExportMicroKwh);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Settle_AllZero_BillsNothing(string rule)
    {
        SlotSharingResult r = Settle(Rule(rule), 0.30m, 0.10m, 0, 0, 0);

        Assert.Equal([0L, 0L, 0L], r.CostMicros);
        Assert.Equal((Money.Zero, MeteredEnergy.Zero, MeteredEnergy.Zero), (r.GridCost, r.Demand, r.Supply));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Settle_SingleParticipant_PaysExactlyItsOwnGridBill(string rule)
    {
        Assert.Equal([450_000], Settle(Rule(rule), 0.30m, 0.10m, 1_500_000).CostMicros);
        Assert.Equal([-150_000], Settle(Rule(rule), 0.30m, 0.10m, -1_500_000).CostMicros);
        Assert.Equal([0], Settle(Rule(rule), 0.30m, 0.10m, 0).CostMicros);
    }

    [Fact]
    public void Settle_NoParticipants_IsAnEmptySlot()
    {
        SlotSharingResult r = Settle(SupplyDemandRatio.Instance, 0.30m, 0.10m);
        Assert.Equal(Money.Zero, r.GridCost);
    }

    [Fact]
    public void Settle_ReusesItsBuffers_WithoutAllocating()
    {
        const int n = 10_000;
        var random = new Random(42);
        long[][] slots = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextInt64(-3_000_000, 3_000_000) / 7 * 7).ToArray()).ToArray();
        var sdr = new SlotSharingSettler(SupplyDemandRatio.Instance, n);
        var mmr = new SlotSharingSettler(MidMarketRate.Instance, n);
        var result = new SlotSharingResult(n);
        var period = new BillSharingPeriod(n);
        var bill = new BillSharingResult(n);
        Price buy = Price.FromDecimal(0.3m), sell = Price.FromDecimal(0.07m);
        void RunAll()
        {
            foreach (long[] net in slots)
            {
                sdr.Settle(net, buy, sell, result);
                mmr.Settle(net, buy, sell, result);
                period.AddSlot(net, buy, sell);
            }
            period.Close(bill);
        }
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            RunAll();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Settle_RejectsMismatchedSizes()
    {
        var settler = new SlotSharingSettler(MidMarketRate.Instance, 2);
        Assert.Throws<ArgumentException>(() => settler.Settle([1, 2, 3], new Price(2), new Price(1), new SlotSharingResult(2)));
        Assert.Throws<ArgumentException>(() => settler.Settle([1, 2], new Price(2), new Price(1), new SlotSharingResult(3)));
    }
}
