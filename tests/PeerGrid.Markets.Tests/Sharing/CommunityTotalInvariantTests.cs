using System.Numerics;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Tests.Sharing;

/// <summary>
/// Without demand response, BS, budget-balanced MMR and SDR charge the community the same total, the grid bill of its
/// net position, Σₜ λ_buy,t·max(ΣNP, 0) − λ_sell,t·max(−ΣNP, 0); only the split among members differs.
/// </summary>
public class CommunityTotalInvariantTests
{
    [Fact]
    public void EveryModel_ChargesTheCommunityItsNetGridBill_OnThousandsOfRandomCommunities()
    {
        for (int seed = 0; seed < 3_000; seed++)
        {
            var c = new RandomCommunity(seed);
            var sdr = new SlotSharingSettler(SupplyDemandRatio.Instance, c.Participants);
            var mmr = new SlotSharingSettler(MidMarketRate.Instance, c.Participants);
            var bs = new BillSharingPeriod(c.Participants);
            var slot = new SlotSharingResult(c.Participants);
            long sdrTotal = 0, mmrTotal = 0, gridBill = 0, noP2p = 0;
            for (int t = 0; t < c.Slots; t++)
            {
                long[] net = c.Net[t];
                long sum = net.Sum();
                long slotGridBill = (long)new Fraction((BigInteger)sum * (sum > 0 ? c.GridBuy[t] : c.GridSell[t]).MicrosPerKwh, 1_000_000).RoundHalfEven();
                gridBill += slotGridBill;
                noP2p += net.Sum(np => Price.CostMicros(np, (np > 0 ? c.GridBuy[t] : c.GridSell[t]).MicrosPerKwh));

                sdr.Settle(net, c.GridBuy[t], c.GridSell[t], slot);
                Assert.Equal(slotGridBill, slot.CostMicros.Sum()); // budget balance in every slot
                sdrTotal += slot.CostMicros.Sum();

                mmr.Settle(net, c.GridBuy[t], c.GridSell[t], slot);
                Assert.Equal(slotGridBill, slot.CostMicros.Sum());
                mmrTotal += slot.CostMicros.Sum();

                bs.AddSlot(net, c.GridBuy[t], c.GridSell[t]);
            }
            var bill = new BillSharingResult(c.Participants);
            bs.Close(bill);
            long bsTotal = bill.BillMicros.Sum();

            Assert.Equal(gridBill, bsTotal); // budget balance over the period
            Assert.Equal(gridBill, sdrTotal);
            Assert.Equal(gridBill, mmrTotal);
            Assert.True(bsTotal <= noP2p + (c.Participants * c.Slots), $"seed {seed}: sharing cost more than no P2P");
        }
    }

    [Fact]
    public void EverySlotBill_IsWithinTwoMicrosOfTheExactFormulaAmount_AndSellersWithinOneAndAHalf()
    {
        for (int seed = 10_000; seed < 11_000; seed++)
        {
            var c = new RandomCommunity(seed, maxParticipants: 25, maxSlots: 4);
            var slot = new SlotSharingResult(c.Participants);
            foreach ((ISlotPricingRule rule, bool isSdr) in new (ISlotPricingRule, bool)[] { (SupplyDemandRatio.Instance, true), (MidMarketRate.Instance, false) })
            {
                var settler = new SlotSharingSettler(rule, c.Participants);
                for (int t = 0; t < c.Slots; t++)
                {
                    long[] net = c.Net[t];
                    settler.Settle(net, c.GridBuy[t], c.GridSell[t], slot);
                    long tbp = net.Where(x => x > 0).Sum(), tsp = -net.Where(x => x < 0).Sum();
                    var prices = isSdr
                        ? SharingReference.Sdr(tbp, tsp, c.GridBuy[t], c.GridSell[t])
                        : SharingReference.Mmr(tbp, tsp, c.GridBuy[t], c.GridSell[t]);
                    for (int i = 0; i < net.Length; i++)
                    {
                        Fraction error = slot.CostMicros[i] - SharingReference.Bill(net[i], prices);
                        Fraction bound = net[i] < 0 ? new Fraction(3, 2) : 2;
                        Assert.True(Abs(error).Numerator * bound.Denominator < bound.Numerator * Abs(error).Denominator, $"{rule.Name} seed {seed} slot {t} participant {i}: off by {error.ToDouble()}");
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryBillSharingBill_IsWithinTwoMicrosOfImportsTimesCimMinusExportsTimesCex()
    {
        for (int seed = 20_000; seed < 21_000; seed++)
        {
            var c = new RandomCommunity(seed);
            var period = new BillSharingPeriod(c.Participants);
            for (int t = 0; t < c.Slots; t++)
            {
                period.AddSlot(c.Net[t], c.GridBuy[t], c.GridSell[t]);
            }
            var r = new BillSharingResult(c.Participants);
            period.Close(r);

            for (int n = 0; n < c.Participants; n++)
            {
                // Exact Bill_n with c_im, c_ex as exact ratios of the grid cost and revenue actually billed.
                Fraction charge = r.TotalImport.MicroKwh == 0 ? 0 : new Fraction(r.GridImportCost.Micros, r.TotalImport.MicroKwh) * r.ImportMicroKwh[n];
                Fraction credit = r.TotalExport.MicroKwh == 0 ? 0 : new Fraction(r.GridExportRevenue.Micros, r.TotalExport.MicroKwh) * r.ExportMicroKwh[n];
                Fraction error = Abs(r.BillMicros[n] - (charge - credit));
                Assert.True(error.Numerator < 2 * error.Denominator, $"seed {seed} participant {n}: off by {error.ToDouble()}");
                Assert.True(Abs(r.ImportChargeMicros[n] - charge).Numerator < Abs(r.ImportChargeMicros[n] - charge).Denominator);
            }
        }
    }

    private static Fraction Abs(Fraction f) => f.Numerator.Sign < 0 ? new Fraction(-f.Numerator, f.Denominator) : f;
}
