using System.Globalization;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;
using Xunit.Abstractions;
using static PeerGrid.Markets.Tests.Sharing.SharingTestKit;

namespace PeerGrid.Markets.Tests.Sharing;

public class BillSharingTests(ITestOutputHelper output)
{
    private static readonly Price LongBuy = Price.FromDecimal(0.15m);
    private static readonly Price LongSell = Price.FromDecimal(0.05m);

    [Fact]
    public void Close_TwoHouseholdsThreeSlots_BillsByHand()
    {
        // Slot 1: A needs 2, B offers 1 → the grid supplies 1 kWh (0.15). Slot 2: they swap 1 kWh, no grid.
        // Slot 3: A exports 3 kWh to the grid (0.15 revenue). E_im = A 2 + B 1 = 3; E_ex = A 1 + 3, B 1 = 5.
        // c_im = 0.15/3 = 0.05; c_ex = 0.15/5 = 0.03; A = 2·0.05 − 4·0.03 = −0.02; B = 1·0.05 − 1·0.03 = 0.02.
        var period = new BillSharingPeriod(2);
        period.AddSlot([2 * Kwh, -1 * Kwh], LongBuy, LongSell);
        period.AddSlot([-1 * Kwh, 1 * Kwh], LongBuy, LongSell);
        period.AddSlot([-3 * Kwh, 0], LongBuy, LongSell);
        var r = new BillSharingResult(2);

        period.Close(r);

        Assert.Equal((0.05m, 0.03m), (r.ImportPrice.ToDecimal(), r.ExportPrice.ToDecimal()));
        Assert.Equal([-0.02m, 0.02m], r.BillMicros.Select(Units).ToArray());
        Assert.Equal([2 * Kwh, 1 * Kwh], r.ImportMicroKwh);
        Assert.Equal([4 * Kwh, 1 * Kwh], r.ExportMicroKwh);
        Assert.Equal((1 * Kwh, 3 * Kwh, 0m), (r.GridImport.MicroKwh, r.GridExport.MicroKwh, r.GridCost.ToDecimal()));
        Assert.Equal(3, r.Slots);
    }

    [Fact]
    public void Close_TimeVaryingPrices_ChargesTheGridCostActuallyIncurred()
    {
        // The grid supplies 1 kWh at 0.30 and 1 kWh at 0.10: c_im = (0.30 + 0.10) / 4 kWh imported = 0.10, not λ̄·E_BFG/E_im.
        var period = new BillSharingPeriod(2);
        period.AddSlot([2 * Kwh, -1 * Kwh], Price.FromDecimal(0.30m), LongSell);
        period.AddSlot([2 * Kwh, -1 * Kwh], Price.FromDecimal(0.10m), LongSell);
        var r = new BillSharingResult(2);

        period.Close(r);

        Assert.Equal(0.10m, r.ImportPrice.ToDecimal());
        Assert.Equal(0.40m, r.GridImportCost.ToDecimal());
        Assert.Equal([0.40m, 0m], r.BillMicros.Select(Units).ToArray()); // B exported only to peers: c_ex = 0
    }

    [Fact]
    public void LongTableOne_SyntheticDay_ReproducesTheBackSolvedPricesAndTheStructuralFacts()
    {
        // Long 2017 Table I (10 households, one day, λ_buy 0.15, λ_sell 0.05 GBP/kWh): no P2P 6.99, BS = MMR = 5.04 GBP,
        // back-solved c_im = 0.10444, c_ex = 0.03153. Without the household data we build a day with the same totals:
        // 0.15·E_im − 0.05·E_ex = 6.99, 0.15·E_BFG − 0.05·E_STG = 5.04, E_BFG/E_im = 0.10444/0.15, E_STG/E_ex = 0.03153/0.05
        // give E_im = 64.20, E_ex = 52.79, E_BFG = 44.70, E_STG = 33.29 kWh (19.5 kWh shared between peers).
        long[][] day = LongSyntheticDay();
        var period = new BillSharingPeriod(10);
        var sdr = new SlotSharingSettler(SupplyDemandRatio.Instance, 10);
        var mmr = new SlotSharingSettler(MidMarketRate.Instance, 10);
        var slot = new SlotSharingResult(10);
        long[] sdrBills = new long[10], mmrBills = new long[10];
        long sdrTotal = 0, mmrTotal = 0, noP2pTotal = 0;
        foreach (long[] net in day)
        {
            period.AddSlot(net, LongBuy, LongSell);
            sdr.Settle(net, LongBuy, LongSell, slot);
            sdrTotal += slot.CostMicros.Sum();
            Accumulate(sdrBills, slot.CostMicros);
            mmr.Settle(net, LongBuy, LongSell, slot);
            mmrTotal += slot.CostMicros.Sum();
            Accumulate(mmrBills, slot.CostMicros);
            noP2pTotal += net.Sum(np => CommunityGrid.Cost(new MeteredEnergy(np), LongBuy, LongSell).Micros);
        }
        var bs = new BillSharingResult(10);
        period.Close(bs);
        long bsTotal = bs.BillMicros.Sum();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Long 2017 Table I (synthetic day): E_im = {bs.TotalImport} kWh, E_ex = {bs.TotalExport}, E_BFG = {bs.GridImport}, E_STG = {bs.GridExport}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  c_im = {bs.ImportPrice} (paper 0.10444), c_ex = {bs.ExportPrice} (paper 0.03153)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  no P2P = {Units(noP2pTotal)} (paper 6.99); BS = {Units(bsTotal)}, MMR = {Units(mmrTotal)}, SDR = {Units(sdrTotal)} (paper 5.04)"));
        for (int n = 0; n < 10; n++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  household {n}: BS {Units(bs.BillMicros[n]),10:0.000000}  MMR {Units(mmrBills[n]),10:0.000000}  SDR {Units(sdrBills[n]),10:0.000000}"));
        }

        Assert.Equal((64_200_000, 52_790_000, 44_700_000, 33_290_000), (bs.TotalImport.MicroKwh, bs.TotalExport.MicroKwh, bs.GridImport.MicroKwh, bs.GridExport.MicroKwh));
        Assert.Equal(0.10444m, Math.Round(bs.ImportPrice.ToDecimal(), 5));
        Assert.Equal(0.03153m, Math.Round(bs.ExportPrice.ToDecimal(), 5));
        Assert.Equal(6.99m, Math.Round(Units(noP2pTotal), 2));
        Assert.Equal(5.04m, Math.Round(Units(bsTotal), 2));
        Assert.Equal(bsTotal, mmrTotal);
        Assert.Equal(bsTotal, sdrTotal);
        Assert.Equal(bs.GridCost.Micros, bsTotal);
        Assert.True(bsTotal < noP2pTotal);
        Assert.NotEqual(bs.BillMicros, mmrBills); // same total, different split
    }

    [Fact]
    public void Close_WithoutSlots_OrWithOnlyZeroPositions_BillsNothing()
    {
        var period = new BillSharingPeriod(3);
        var r = new BillSharingResult(3);
        period.Close(r);
        Assert.Equal([0, 0, 0], r.BillMicros);
        Assert.Equal((Price.Zero, Price.Zero, 0), (r.ImportPrice, r.ExportPrice, r.Slots));

        period.AddSlot([0, 0, 0], LongBuy, LongSell);
        period.Close(r);
        Assert.Equal([0, 0, 0], r.BillMicros);
        Assert.Equal(1, r.Slots);
    }

    [Fact]
    public void Reset_StartsANewPeriod()
    {
        var period = new BillSharingPeriod(2);
        period.AddSlot([5 * Kwh, -1 * Kwh], LongBuy, LongSell);
        period.Reset();
        period.AddSlot([1 * Kwh, 0], LongBuy, LongSell);
        var r = new BillSharingResult(2);

        period.Close(r);

        Assert.Equal([150_000, 0], r.BillMicros);
        Assert.Equal(1, r.Slots);
    }

    [Fact]
    public void AddSlot_RejectsAWrongParticipantCount_AndFeedInNotBelowRetail()
    {
        var period = new BillSharingPeriod(2);
        Assert.Throws<ArgumentException>(() => period.AddSlot([1], LongBuy, LongSell));
        Assert.Throws<ArgumentOutOfRangeException>(() => period.AddSlot([1, 1], LongSell, LongBuy));
    }

    /// <summary>
    /// Households 0–4 have PV, 5–9 do not; hourly slots. Hours 0–9: everyone imports 0.150 kWh; hours 10–13: PV
    /// households export 2.6395 kWh, the others import 0.975 kWh; hours 14–23: everyone imports 0.297 kWh.
    /// </summary>
    internal static long[][] LongSyntheticDay()
    {
        var day = new long[24][];
        for (int hour = 0; hour < 24; hour++)
        {
            day[hour] = new long[10];
            for (int n = 0; n < 10; n++)
            {
                bool pv = n < 5;
                day[hour][n] = hour switch
                {
                    < 10 => 150_000,
                    < 14 => pv ? -2_639_500 : 975_000,
                    _ => 297_000,
                };
            }
        }
        return day;
    }

    private static void Accumulate(long[] totals, long[] slot)
    {
        for (int i = 0; i < totals.Length; i++)
        {
            totals[i] += slot[i];
        }
    }
}
