using PeerGrid.Application.Platform;
using static PeerGrid.Application.Tests.Platform.LiveFixtures;

namespace PeerGrid.Application.Tests.Platform;

/// <summary>Invariants of every live slot over two days of seeded random communities, contracts and budgets.</summary>
public class LiveSlotInvariantTests
{
    public static TheoryData<ulong, string, decimal> Cases() => new()
    {
        { 101, "grid-only", 0m },
        { 102, "pay-as-clear", 0m },
        { 103, "pay-as-bid", 0m },
        { 104, "pay-as-offer", 0m },
        { 105, "preference-first", 0m },
        { 106, "huang", 0m },
        { 107, "sdr", 0m },
        { 108, "mmr", 0m },
        { 109, "pay-as-clear", 0.02m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EverySlot_BalancesEnergy_ConservesMoney_RespectsBudgets_AndKeepsContractsWithinTheirLimits(ulong seed, string mechanism, decimal platformFee)
    {
        var settings = Settings(mechanism, slotMinutes: 30, epoch: new DateOnly(2025, 6, 14), seed: seed, platformFee: platformFee);
        var households = RandomHouseholds(seed, 8);
        var contracts = RandomContracts(seed, households, 5);
        var limit = contracts.ToDictionary(c => c.Id, c => (long)Math.Floor(c.KwhPerSlot * 1e6));
        var runner = new LiveSlotRunner();
        IReadOnlyList<LiveHousehold> state = households;
        double contractTotal = 0;
        for (long s = 0; s < 96; s++)
        {
            LiveSlotOutcome o = runner.Run(settings, state, contracts, s, 1);
            var budget = state.ToDictionary(h => h.Id, h => h.BudgetMicros);

            foreach (HouseholdReading r in o.Readings)
            {
                double inflow = r.GenerationKwh + r.GridImportKwh + r.BatteryDischargeKwh + r.P2PBoughtKwh + r.UnmetKwh;
                double outflow = r.LoadKwh + r.GridExportKwh + r.BatteryChargeKwh + r.P2PSoldKwh + r.CurtailedKwh;
                Assert.True(Math.Abs(inflow - outflow) < 1e-9, $"slot {s} {r.HouseholdId}: {inflow} in, {outflow} out");
                Assert.True(r.PaidMicros <= budget[r.HouseholdId], $"slot {s} {r.HouseholdId} paid {r.PaidMicros} of {budget[r.HouseholdId]}");
                Assert.True(r.BatteryLocalKwh >= 0 && r.BatteryLocalKwh <= r.BatteryStoredKwh);

                // A wallet changes by exactly what the household paid.
                string account = LiveAccounts.Household(r.HouseholdId);
                long net = o.Transfers.Where(t => t.ToAccount == account).Sum(t => t.AmountMicros) - o.Transfers.Where(t => t.FromAccount == account).Sum(t => t.AmountMicros);
                Assert.Equal(-r.PaidMicros, net);
            }
            Assert.All(o.Transfers, t => Assert.True(t.AmountMicros > 0 && t.FromAccount != t.ToAccount));
            var accounts = o.Transfers.SelectMany(t => new[] { (t.FromAccount, -t.AmountMicros), (t.ToAccount, t.AmountMicros) })
                .GroupBy(x => x.Item1).Select(g => g.Sum(x => x.Item2));
            Assert.Equal(0, accounts.Sum());

            var readings = o.Readings.ToDictionary(r => r.HouseholdId);
            var contractTrades = o.Trades.Where(t => t.Kind == LiveTrade.Contract).ToList();
            foreach (LiveTrade t in contractTrades)
            {
                Assert.InRange(t.EnergyMicroKwh, 1, limit[t.ContractId!]);
            }
            foreach (var sold in contractTrades.GroupBy(t => t.SellerId))
            {
                Assert.True(sold.Sum(t => t.EnergyMicroKwh) <= Math.Round(readings[sold.Key].P2PSoldKwh * 1e6) + 1);
            }
            foreach (var bought in contractTrades.GroupBy(t => t.BuyerId))
            {
                Assert.True(bought.Sum(t => t.EnergyMicroKwh) <= Math.Round(readings[bought.Key].P2PBoughtKwh * 1e6) + 1);
            }
            contractTotal += o.ContractKwh;
            Assert.Equal(o.Readings.Sum(r => r.P2PSoldKwh), o.P2PKwh, 9);
            state = After(state, o);
        }
        Assert.True(contractTotal > 0, "the random contracts should trade at least once in two summer days");
    }
}
