using PeerGrid.Application.Platform;
using static PeerGrid.Application.Tests.Platform.LiveFixtures;

namespace PeerGrid.Application.Tests.Platform;

/// <summary>One live slot: hand-computed contracts and money, determinism, restart equivalence.</summary>
public class LiveSlotRunnerTests
{
    // Quarter-hours on a winter Monday night: no sun; the profile "one" is 1 kW, so 0.25 kWh per slot per kW.
    private static readonly LiveHousehold Buyer = new("b", Flat("b", loadKw: 2, genKw: 0), null, null, long.MaxValue);
    private static readonly LiveHousehold Capped = new("c", Flat("c", loadKw: 1, genKw: 0), null, null, 90_000);
    private static readonly LiveHousehold Seller = new("s", Flat("s", loadKw: 0, genKw: 4), null, null, long.MaxValue);

    [Fact]
    public void Contracts_TradeFirstInIdOrder_WithinNeedSurplusAndBudget_AndTheGridTakesTheRest()
    {
        // k1: b buys up to 0.3 of its 0.5 kWh at 0.20. k2: c buys up to 1 kWh of its 0.25 kWh at 0.40 (above retail),
        // but its budget of 0.09 buys only 0.225 kWh at that price; the last 0.025 kWh it cannot pay for is unmet.
        // s sells 0.3 + 0.225 of its 1 kWh on contracts and exports the remaining 0.475 kWh at 0.10.
        LiveContract[] contracts =
        [
            new("k2", "c", "s", 1.0, 400_000),
            new("k1", "b", "s", 0.3, 200_000),
        ];
        LiveSlotOutcome o = new LiveSlotRunner().Run(Settings(), [Seller, Capped, Buyer], contracts, slot: 4, configurationVersion: 1);

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), o.StartUtc); // 01:00 in Berlin
        Assert.Equal(o.StartUtc.AddMinutes(15), o.EndUtc);
        Assert.Equal((new DateOnly(2025, 1, 6), 0, 4), (o.LocalDate, o.DayIndex, o.SlotOfDay));
        Assert.Equal(
            [
                new LiveTrade(LiveTrade.Contract, "k1", "b", "s", 300_000, 200_000, 60_000),
                new LiveTrade(LiveTrade.Contract, "k2", "c", "s", 225_000, 400_000, 90_000),
            ],
            o.Trades);
        Assert.Equal(0.525, o.ContractKwh, 12);
        Assert.Equal(0.525, o.P2PKwh, 12);

        Assert.Equal(["b", "c", "s"], o.Readings.Select(r => r.HouseholdId));
        HouseholdReading b = o.Readings[0], c = o.Readings[1], s = o.Readings[2];
        Assert.Equal((0.5, 0.3, 0.2, 0.0), (b.LoadKwh, b.P2PBoughtKwh, Math.Round(b.GridImportKwh, 12), b.UnmetKwh));
        Assert.Equal(120_000, b.PaidMicros); // 60,000 to s + 0.2 kWh × 0.30 from the grid
        Assert.Equal((0.25, 0.225, 0.0), (c.LoadKwh, c.P2PBoughtKwh, c.GridImportKwh));
        Assert.Equal(0.025, c.UnmetKwh, 12);
        Assert.Equal(90_000, c.PaidMicros); // exactly its budget
        Assert.Equal((1.0, 0.525, 0.0), (s.GenerationKwh, s.P2PSoldKwh, s.CurtailedKwh));
        Assert.Equal(0.475, s.GridExportKwh, 12);
        Assert.Equal(-197_500, s.PaidMicros); // 150,000 from contracts + 0.475 kWh × 0.10

        Assert.Equal(
            [
                new LiveTransfer("household:b", LiveAccounts.Utility, 60_000, "GridImport", "b"),
                new LiveTransfer("household:b", LiveAccounts.PlatformOperator, 60_000, "P2PEnergy", "b"),
                new LiveTransfer("household:c", LiveAccounts.PlatformOperator, 90_000, "P2PEnergy", "c"),
                new LiveTransfer(LiveAccounts.Utility, "household:s", 47_500, "GridExport", "s"),
                new LiveTransfer(LiveAccounts.PlatformOperator, "household:s", 150_000, "P2PEnergy", "s"),
            ],
            o.Transfers);
    }

    [Fact]
    public void AContractWithNothingToTrade_TradesNothing_AndTheMarketStillRuns()
    {
        // The "seller" needs energy itself: the contract finds no surplus; pay-as-clear matches nobody either.
        LiveContract[] contracts = [new("k", "b", "c", 1.0, 100_000)];
        LiveSlotOutcome o = new LiveSlotRunner().Run(Settings("pay-as-clear"), [Buyer, Capped with { BudgetMicros = long.MaxValue }], contracts, 0, 1);

        Assert.Empty(o.Trades);
        Assert.All(o.Readings, r => Assert.Equal(r.LoadKwh, r.GridImportKwh, 12));
    }

    [Fact]
    public void PayAsClear_AfterContracts_ReportsPairwiseTradesAtTheClearingPrice()
    {
        // b needs 0.5 kWh: 0.1 on its contract, the rest on the market from s's remaining 0.9 kWh.
        LiveContract[] contracts = [new("k", "b", "s", 0.1, 250_000)];
        LiveSlotOutcome o = new LiveSlotRunner().Run(Settings("pay-as-clear"), [Buyer, Seller], contracts, 0, 1);

        Assert.Equal(new LiveTrade(LiveTrade.Contract, "k", "b", "s", 100_000, 250_000, 25_000), o.Trades[0]);
        LiveTrade market = Assert.Single(o.Trades, t => t.Kind == LiveTrade.Market);
        Assert.Equal(("b", "s", 400_000L), (market.BuyerId, market.SellerId, market.EnergyMicroKwh));
        Assert.Equal(o.ClearingPriceMicrosPerKwh, market.PriceMicrosPerKwh);
        Assert.Equal(0.5, o.Readings[0].P2PBoughtKwh, 12);
        Assert.Equal(25_000 + market.AmountMicros, o.Readings[0].PaidMicros);
    }

    [Fact]
    public void OrderCaps_LimitWhatTheOpenMarketTrades_AndTheGridTakesTheRest()
    {
        // b needs 0.5 kWh and s has 1.0 to spare, but b's orders allow 0.2 kWh and s's 0.15: the market trades 0.15.
        LiveSlotOutcome free = new LiveSlotRunner().Run(Settings("pay-as-clear"), [Buyer, Seller], [], 0, 1);
        LiveSlotOutcome capped = new LiveSlotRunner().Run(Settings("pay-as-clear"),
            [Buyer with { MarketBuyCapKwh = 0.2 }, Seller with { MarketSellCapKwh = 0.15 }], [], 0, 1);

        Assert.Equal(0.5, free.Readings[0].P2PBoughtKwh, 12);
        Assert.Equal(0.15, capped.Readings[0].P2PBoughtKwh, 12);
        Assert.Equal(0.15, capped.Readings[1].P2PSoldKwh, 12);
        Assert.Equal(0.35, capped.Readings[0].GridImportKwh, 12);
        Assert.Equal(0.5, capped.Readings[0].GridImportKwh + capped.Readings[0].P2PBoughtKwh, 12);
    }

    [Fact]
    public void OrderCaps_DoNotCapContracts()
    {
        LiveContract[] contracts = [new("k", "b", "s", 0.3, 250_000)];
        LiveSlotOutcome o = new LiveSlotRunner().Run(Settings("pay-as-clear"), [Buyer with { MarketBuyCapKwh = 0.1 }, Seller], contracts, 0, 1);
        Assert.Equal(0.4, o.Readings[0].P2PBoughtKwh, 12); // 0.3 on the contract + 0.1 capped market
    }

    [Theory]
    [InlineData("pay-as-clear")]
    [InlineData("sdr")]
    [InlineData("grid-only")]
    public void TheSameArguments_GiveTheSameOutcome_WhateverRanBefore(string mechanism)
    {
        var settings = Settings(mechanism, epoch: new DateOnly(2025, 6, 2));
        var households = RandomHouseholds(5, 6);
        var contracts = RandomContracts(5, households, 3);
        const long slot = 96 + 50; // day 1, 12:30

        var runner = new LiveSlotRunner();
        LiveSlotOutcome first = runner.Run(settings, households, contracts, slot, 1);
        LiveSlotOutcome again = runner.Run(settings, households, contracts, slot, 1);
        // In between: another slot of the same cached day, another day, another version, other batteries.
        runner.Run(settings, LiveFixtures.After(households, first), contracts, slot + 7, 1);
        runner.Run(settings, households, contracts, 3, 1);
        runner.Run(settings, households, contracts, slot, 2);
        LiveSlotOutcome afterOthers = runner.Run(settings, households, contracts, slot, 1);
        LiveSlotOutcome fresh = new LiveSlotRunner().Run(settings, households, contracts, slot, 1);

        Assert.True(first.SameAs(again));
        Assert.True(first.SameAs(afterOthers));
        Assert.True(first.SameAs(fresh));
    }

    [Fact]
    public void ConsecutiveSlotsOfADay_WithTheSameConfiguration_CompileOnce()
    {
        var settings = Settings("pay-as-bid");
        var households = RandomHouseholds(6, 4);
        var runner = new LiveSlotRunner();
        for (long s = 0; s < 10; s++)
        {
            runner.Run(settings, households, [], s, 3);
        }
        Assert.Equal(1, runner.CompiledDays);
        runner.Run(settings, households, [], 10, 4);
        Assert.Equal(2, runner.CompiledDays);
    }

    [Fact]
    public void DaysGetDifferentSeeds_DerivedFromTheCommunitySeed()
    {
        Assert.NotEqual(LiveSlotRunner.DaySeed(42, 0), LiveSlotRunner.DaySeed(42, 1));
        Assert.NotEqual(LiveSlotRunner.DaySeed(42, 0), LiveSlotRunner.DaySeed(43, 0));
        Assert.Equal(LiveSlotRunner.DaySeed(42, 7), LiveSlotRunner.DaySeed(42, 7));
    }

    [Theory]
    [InlineData("pay-as-clear", 15)]
    [InlineData("mmr", 30)]
    [InlineData("huang", 60)]
    public void RestartingFromTheLastSettledSlot_GivesWhatAnUninterruptedRunGives(string mechanism, int slotMinutes)
    {
        var settings = Settings(mechanism, slotMinutes, epoch: new DateOnly(2025, 3, 29)); // spans the spring DST change
        var households = RandomHouseholds(9, 6);
        var contracts = RandomContracts(9, households, 3);
        int slots = 2 * 24 * 60 / slotMinutes;
        int restartAfter = slots / 2 + 3;
        int reconfigureAt = slots / 4;

        IReadOnlyList<LiveHousehold> Configure(IReadOnlyList<LiveHousehold> state, long slot) => slot < reconfigureAt
            ? state
            // A user switches off the first household's kettle: the caller bumps the version.
            : [.. state.Select((h, i) => i == 0 ? h with { Spec = h.Spec with { Appliances = [.. h.Spec.Appliances.Select((a, j) => j == 0 ? a with { IsOn = false } : a)] } } : h)];
        long Version(long slot) => slot < reconfigureAt ? 1 : 2;

        var uninterrupted = new List<LiveSlotOutcome>();
        var runner = new LiveSlotRunner();
        IReadOnlyList<LiveHousehold> state = households;
        for (long s = 0; s < slots; s++)
        {
            LiveSlotOutcome o = runner.Run(settings, Configure(state, s), contracts, s, Version(s));
            uninterrupted.Add(o);
            state = After(state, o);
        }

        var crashing = new LiveSlotRunner();
        state = households;
        for (long s = 0; s <= restartAfter; s++)
        {
            state = After(state, crashing.Run(settings, Configure(state, s), contracts, s, Version(s)));
        }
        var restarted = new LiveSlotRunner(); // the process died; the database holds the state after restartAfter
        for (long s = restartAfter + 1; s < slots; s++)
        {
            LiveSlotOutcome o = restarted.Run(settings, Configure(state, s), contracts, s, Version(s));
            Assert.True(uninterrupted[(int)s].SameAs(o), $"slot {s} differs after the restart");
            state = After(state, o);
        }
        // The DST day is 23 hours long: slot numbering follows absolute time.
        Assert.Equal(new DateOnly(2025, 3, 31), uninterrupted[^1].LocalDate);
    }

    [Fact]
    public void BillSharing_IsRefused_BecauseItBillsPerMonth()
    {
        Assert.Throws<ArgumentException>(() => new LiveSlotRunner().Run(Settings("bill-sharing"), [Buyer, Seller], [], 0, 1));
    }

    [Fact]
    public void AContractNamingAnUnknownHousehold_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new LiveSlotRunner().Run(Settings(), [Buyer, Seller], [new LiveContract("k", "b", "x", 1, 1)], 0, 1));
    }
}
