using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Settlement;
using PeerGrid.Markets.Sharing;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>The platform's monthly subscription (market.platformSubscriptionPerMonth, docs/markets.md).</summary>
public class SubscriptionRunTests
{
    private static Scenario TwoHouses(double? days = null, double hours = 1, DateTime? start = null) =>
        Build([House("a", appliances: [Window(2, "00:00", "01:00")]), House("b")], hours: hours, days: days, start: start) with { PlatformSubscriptionPerMonth = 3m };

    private static AuctionMarket PayAsClear() => new(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5));

    [Fact]
    public void OneDayOfJanuary_CostsAThirtyFirstOfTheMonthlyFee()
    {
        // 3 × 1/31 = 0.0967741935… → 0.096774 per household.
        RunTotals t = Simulator.Run(TwoHouses(), PayAsClear());

        Assert.Equal(96_774, t.SubscriptionMicros[0]);
        Assert.Equal(96_774, t.SubscriptionMicros[1]);
        Assert.Equal(600_000 + 96_774, t.NetCostMicros(0)); // 2 kWh imported at 0.30 plus the subscription
        Assert.Equal(96_774, t.NetCostMicros(1));
        Assert.Equal(0, t.SubscriptionUnpaidMicros[0]);
    }

    [Fact]
    public void ARunAcrossTwoMonths_PaysEachMonthsShare()
    {
        // 30 and 31 January, 1 February: 3 × 2/31 = 0.193548… → 0.193548; 3 × 1/28 = 0.107142857… → 0.107143.
        RunTotals t = Simulator.Run(TwoHouses(days: 3, start: new DateTime(2025, 1, 30)), PayAsClear());

        Assert.Equal(193_548 + 107_143, t.SubscriptionMicros[1]);
    }

    [Fact]
    public void AWholeMonth_CostsTheFee()
    {
        RunTotals t = Simulator.Run(TwoHouses(days: 28, start: new DateTime(2025, 2, 1)), new SlotSharingMarket(SupplyDemandRatio.Instance, 2));

        Assert.Equal(3_000_000, t.SubscriptionMicros[0]);
    }

    [Fact]
    public void GridOnly_HasNoPlatform_AndNoSubscription()
    {
        RunTotals t = Simulator.Run(TwoHouses());

        Assert.Equal(0, t.SubscriptionMicros[0]);
        Assert.Equal(600_000, t.NetCostMicros(0));
    }

    [Fact]
    public void TheSubscription_IsNotInTheBaseline_SoItReducesSavings()
    {
        RunTotals t = Simulator.Run(TwoHouses(), PayAsClear());

        Assert.Equal(-96_774, t.BaselineCostMicros[1] - t.NetCostMicros(1));
    }

    [Fact]
    public void WithALedger_TheSubscriptionGoesToThePlatformOperator()
    {
        var ledger = new Ledger(2, new Money(1_000_000_000));

        RunTotals t = Simulator.Run(TwoHouses(), PayAsClear(), settlement: new LedgerSettlement(ledger));

        Assert.Equal(2 * 96_774, ledger.Balance(AccountId.PlatformOperator).Micros);
        Assert.Equal(2 * 96_774, ledger.Totals(AccountId.PlatformOperator, TransferKind.PlatformFee).Credited.Micros);
        Assert.Equal(-t.NetCostMicros(0), ledger.Balance(AccountId.ForHousehold(0)).Micros);
        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
    }

    [Fact]
    public void AWalletThatCannotPayTheSubscription_PaysWhatItCan_AndTheRestIsUnpaid()
    {
        // "b" holds 0.05 and no credit: it pays 0.05 of the 0.096774 and owes nothing more; "a" has 1.00 and pays it all,
        // then can afford (1.00 − 0.096774) / 0.30 of its 2 kWh: all of it.
        var ledger = new Ledger(2);
        TopUp(ledger, 0, 1_000_000, 1);
        TopUp(ledger, 1, 50_000, 2);

        RunTotals t = Simulator.Run(TwoHouses(), PayAsClear(), settlement: new LedgerSettlement(ledger));

        Assert.Equal(50_000, t.SubscriptionMicros[1]);
        Assert.Equal(46_774, t.SubscriptionUnpaidMicros[1]);
        Assert.Equal(0, ledger.Balance(AccountId.ForHousehold(1)).Micros);
        Assert.Equal(96_774, t.SubscriptionMicros[0]);
        Assert.Equal(1_000_000 - 96_774 - 600_000, ledger.Balance(AccountId.ForHousehold(0)).Micros);
        Assert.Equal(0, t.UnmetKwh[0]);
    }

    [Fact]
    public void AWalletEmptiedByTheSubscription_LeavesDemandUnmet()
    {
        // 0.20 in the wallet: 0.096774 for the subscription leaves 0.103226, enough for 0.344 kWh of the 2 kWh at 0.30.
        var ledger = new Ledger(2);
        TopUp(ledger, 0, 200_000, 1);

        RunTotals t = Simulator.Run(TwoHouses(), PayAsClear(), settlement: new LedgerSettlement(ledger));

        Assert.Equal(96_774, t.SubscriptionMicros[0]);
        Assert.InRange(t.ImportKwh[0], 0.3440, 0.3441);
        Assert.True(ledger.Balance(AccountId.ForHousehold(0)).Micros >= 0);
        Assert.InRange(t.UnmetKwh[0], 1.6559, 1.6561);
    }

    private static void TopUp(Ledger ledger, int household, long micros, int request) =>
        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(
            SettlementKey.ForRequest(new Guid(request, 0, 0, new byte[8])),
            new Transfer(AccountId.Funding, AccountId.ForHousehold(household), new Money(micros), TransferKind.TopUp, 0), out _));
}

/// <summary>Flexible orders, the subscription and small wallets together on seeded random communities.</summary>
public class TightWalletRunTests
{
    public static TheoryData<ulong> Seeds()
    {
        var data = new TheoryData<ulong>();
        for (ulong s = 200; s < 215; s++)
        {
            data.Add(s);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SmallWallets_NeverGoBelowZero_AndTheBooksBalance(ulong seed)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 8) with { PlatformSubscriptionPerMonth = 1.5m };
        int n = scenario.Households.Count;
        var ledger = new Ledger(n);
        for (int h = 0; h < n; h++)
        {
            // 0 to 1.40 each: enough for some slots, not for two days of every household's demand.
            long micros = (long)(seed * 7 + (ulong)h * 13) % 8 * 200_000;
            if (micros > 0)
            {
                Assert.Equal(TransferRefusal.None, ledger.TryTransfer(
                    SettlementKey.ForRequest(new Guid(h + 1, 0, 0, new byte[8])),
                    new Transfer(AccountId.Funding, AccountId.ForHousehold(h), new Money(micros), TransferKind.TopUp, 0), out _));
            }
        }
        IClearingMechanism clearing = seed % 2 == 0 ? new PayAsClear(PricingConvention.EquilibriumInterval, 0.5) : new PayAsOffer();

        RunTotals t = Simulator.Run(scenario, new AuctionMarket(clearing), settlement: new LedgerSettlement(ledger));

        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        for (int h = 0; h < n; h++)
        {
            Assert.True(ledger.Balance(AccountId.ForHousehold(h)).Micros >= 0, $"household {h} overdrew");
            Assert.True(t.UnmetUnaffordableKwh[h] <= t.UnmetKwh[h] + 1e-9);
        }
        Assert.Equal(t.SubscriptionMicros.Sum(), ledger.Totals(AccountId.PlatformOperator, TransferKind.PlatformFee).Credited.Micros);
        Assert.True(t.UnmetUnaffordableKwh.Sum() > 0, "the wallets are small enough to bind");
    }
}
