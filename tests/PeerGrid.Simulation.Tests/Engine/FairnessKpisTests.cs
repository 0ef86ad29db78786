using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Kpis;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Engine;

public class FairnessKpisTests
{
    [Fact]
    public void Gini_OfEqualValues_IsZero() => Assert.Equal(0, Fairness.Gini([5m, 5m, 5m]));

    [Fact]
    public void Gini_WhenOneHasEverything_IsOneMinusOneOverN()
    {
        // (2·4 − 4 − 1)·10 / (4·10) = 0.75 = 1 − 1/4.
        Assert.Equal(0.75, Fairness.Gini([0m, 0m, 0m, 10m]), 12);
    }

    [Fact]
    public void Gini_OfOneTwoThree_IsTwoNinths()
    {
        // ((−2)·1 + 0·2 + 2·3) / (3·6) = 4/18.
        Assert.Equal(4.0 / 18.0, Fairness.Gini([3m, 1m, 2m]), 12);
    }

    [Fact]
    public void Gini_ShiftsNegativeSavingsToZero()
    {
        Assert.Equal(Fairness.Gini([0m, 1m, 2m]), Fairness.Gini([-1m, 0m, 1m]), 12);
    }

    [Fact]
    public void Fairness_OfARun_ReportsBillsAndWhoSaved()
    {
        // A consumer pays 0.60 (no savings possible); a battery owner stores 4 kWh of surplus and saves on it.
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = Daily("gen", [4, .. Enumerable.Repeat(0.0, 23)]) };
        var consumer = House("c", appliances: [Window(2, "00:00", "01:00")]);
        var battery = new Battery("b", 10, 5, 5, 1, 1, MinSoc: 0, MaxSoc: 1, InitialSoc: 0, SelfDischargePerDay: 0);
        var prosumer = House("p", appliances: [Window(2, "01:00", "03:00")], generators: [new ProfileGenerator("pv", true, "gen")], batteries: [battery]);

        var totals = Simulator.Run(Build([consumer, prosumer], hours: 3, profiles: profiles));
        FairnessKpis f = Fairness.Of(totals);

        // Prosumer: 4 kWh stored at 00:00–01:00 cover its 4 kWh at 01:00–03:00 → bill 0; baseline would have exported
        // 4 kWh at 0.10 and imported 4 kWh at 0.30 → 0.80; saving 0.80. Consumer: bill 0.60, saving 0.
        Assert.Equal(0m, f.MinBill);
        Assert.Equal(0.60m, f.MaxBill);
        Assert.Equal(0.30m, f.MedianBill);
        Assert.Equal(0.5, f.GiniOfSavings, 12);
        Assert.Equal(0.0, f.ShareOfSavingsToConsumers, 12);
    }
}
