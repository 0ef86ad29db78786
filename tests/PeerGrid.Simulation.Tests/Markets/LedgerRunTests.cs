using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Settlement;
using PeerGrid.Markets.Sharing;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>Runs settled in the double-entry ledger.</summary>
public class LedgerRunTests
{
    private static IMarketMechanism Mechanism(string name, int n) => name switch
    {
        "pay-as-clear" => new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        "pay-as-bid" => new AuctionMarket(new PayAsBid()),
        "huang" => new AuctionMarket(new HuangTradeReduction()),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, n),
        "mmr" => new SlotSharingMarket(MidMarketRate.Instance, n),
        "bill-sharing" => new BillSharingMarket(n),
        _ => new GridOnlyMarket(),
    };

    public static TheoryData<ulong, string> Cases()
    {
        var data = new TheoryData<ulong, string>();
        string[] names = ["grid-only", "pay-as-clear", "pay-as-bid", "huang", "sdr", "mmr", "bill-sharing"];
        ulong seed = 1;
        foreach (string name in names)
        {
            for (int i = 0; i < 3; i++)
            {
                data.Add(seed++, name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMechanism_SettlesToAZeroTrialBalance_AndWalletsEqualMinusTheBills(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 7);
        int n = scenario.Households.Count;
        // Generous credit: this test is about books balancing, not about running out of money.
        var ledger = new Ledger(n, new Money(1_000_000_000_000));

        RunTotals t = Simulator.Run(scenario, Mechanism(mechanism, n), settlement: new LedgerSettlement(ledger));

        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
        for (int h = 0; h < n; h++)
        {
            Assert.Equal(-t.NetCostMicros(h), ledger.Balance(AccountId.ForHousehold(h)).Micros);
        }
        long operatorBalance = ledger.Balance(AccountId.PlatformOperator).Micros;
        if (mechanism == "huang")
        {
            Assert.True(operatorBalance >= 0);
        }
        else
        {
            // A central counterparty that is budget-balanced keeps nothing: pools pass their grid bill to the utility.
            Assert.Equal(0, operatorBalance);
        }
    }

    [Fact]
    public void AWalletThatRunsDry_NeverGoesBelowItsLimit_AndTheRestIsUnmet()
    {
        // 2 kW for an hour at 0.30 would cost 0.60; the wallet holds 0.30 and may not go into debt.
        var scenario = Build([House("a", appliances: [Window(2, "00:00", "01:00")])]);
        var ledger = new Ledger(1);
        Assert.Equal(TransferRefusal.None, ledger.TryTransfer(
            SettlementKey.ForRequest(new Guid("00000000-0000-0000-0000-000000000001")),
            new Transfer(AccountId.Funding, AccountId.ForHousehold(0), Money.FromDecimal(0.30m), TransferKind.TopUp, 0),
            out _));
        var recorder = new SeriesRecorder();

        RunTotals t = Simulator.Run(scenario, settlement: new LedgerSettlement(ledger), observers: [recorder]);

        long balance = ledger.Balance(AccountId.ForHousehold(0)).Micros;
        Assert.InRange(balance, 0, 1); // spent all but at most a micro-unit of rounding margin
        Assert.Equal(1.0, t.ImportKwh[0], 5);
        Assert.Equal(1.0, t.UnmetKwh[0], 5);
        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
    }

    [Fact]
    public void ASlot_CannotBeSettledTwice()
    {
        var scenario = Build([House("a", appliances: [Window(2, "00:00", "01:00")])]);
        var ledger = new Ledger(1, new Money(1_000_000_000));
        var settlement = new LedgerSettlement(ledger);
        Simulator.Run(scenario, settlement: settlement);
        long after = ledger.Balance(AccountId.ForHousehold(0)).Micros;

        Assert.Throws<InvalidOperationException>(() => Simulator.Run(scenario, settlement: settlement));
        Assert.Equal(after, ledger.Balance(AccountId.ForHousehold(0)).Micros);
    }
}

public class HierarchyLedgerRunTests
{
    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    public void AHierarchyWithFees_SettlesToAZeroTrialBalance_WithFeesAtTheGridOperator(ulong seed)
    {
        Scenario random = RandomScenarios.Create(seed, householdCount: 8);
        int n = random.Households.Count;
        // Two cells in one community, households alternating; fees at every level, losses and a platform fee.
        var topology = new HierarchyTopology([.. Enumerable.Range(0, n).Select(h => h % 2)], [0, 0], [0]);
        var charges = new HierarchyCharges(GridFee.PerKwh(10_000), GridFee.Percent(2), GridFee.PerKwh(20_000), 0.01, 5_000);
        var market = new HierarchicalMarket(topology, charges, () => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5));
        var ledger = new Ledger(n, new Money(1_000_000_000_000));

        RunTotals t = Simulator.Run(random, market, settlement: new LedgerSettlement(ledger));

        Assert.True(ledger.ComputeTrialBalance().IsBalanced);
        for (int h = 0; h < n; h++)
        {
            Assert.Equal(-t.NetCostMicros(h), ledger.Balance(AccountId.ForHousehold(h)).Micros);
        }
        Assert.True(ledger.Balance(AccountId.GridOperator).Micros >= 0);
        Assert.True(ledger.Balance(AccountId.PlatformOperator).Micros >= 0);
    }
}

public class IndependentHouseholdsPathTests
{
    [Theory]
    [InlineData(31UL)]
    [InlineData(32UL)]
    public void GridOnly_RunsTheSame_WhetherEachChunkRunsWholeSlots_OrPhaseByPhase(ulong seed)
    {
        // Without a settlement the engine runs each chunk's whole slot at once; with one (unlimited credit) it goes
        // phase by phase through the market. The physics and the bills must not notice.
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 600);
        var whole = new SeriesRecorder();
        var phased = new SeriesRecorder();

        RunTotals a = Simulator.Run(scenario, observers: [whole]);
        RunTotals b = Simulator.Run(scenario, observers: [phased], settlement: new LedgerSettlement(new Ledger(600, new Money(long.MaxValue / 4))));

        Assert.Equal(whole.Community, phased.Community);
        Assert.Equal(a.ImportMicroKwh, b.ImportMicroKwh);
        Assert.Equal(a.StoredEndKwh, b.StoredEndKwh);
        Assert.Equal(a.BaselineCostMicros, b.BaselineCostMicros);
    }
}
