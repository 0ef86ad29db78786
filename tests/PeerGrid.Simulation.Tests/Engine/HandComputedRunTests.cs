using PeerGrid.Domain.Households;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Observers;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>1–3 households over a few slots, every expected number worked out by hand in the comments.</summary>
public class HandComputedRunTests
{
    [Fact]
    public void Consumer_WithTwoKilowattLoadForAnHour_ImportsTwoKwhAndPaysSixtyCents()
    {
        // 2 kW × 1 h = 2 kWh, all from the grid at 0.30 → 0.60; 0.5 kWh in each 15-minute slot.
        var scenario = Build([House("a", appliances: [Window(2, "00:00", "01:00")])]);
        var series = new SeriesRecorder();

        RunTotals t = Simulator.Run(scenario, observers: [series]);

        Assert.Equal(4, t.SlotCount);
        Assert.Equal(2_000_000, t.ImportMicroKwh[0]);
        Assert.Equal(600_000, t.ImportCostMicros[0]);
        Assert.Equal(600_000, t.NetCostMicros(0));
        Assert.Equal(600_000, t.BaselineCostMicros[0]);
        Assert.All(series.Import, slot => Assert.Equal(0.5, slot[0], 12));
    }

    [Fact]
    public void Prosumer_WithSurplus_ExportsItAtTheFeedInTariff()
    {
        // Generation 4 kW, load 2 kW for 1 h: 2 kWh used directly, 2 kWh exported at 0.10 → earns 0.20.
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 4) };
        var house = House("a", appliances: [Window(2, "00:00", "01:00")], generators: [new ProfileGenerator("roof", true, "gen")]);
        var scenario = Build([house], profiles: profiles);

        RunTotals t = Simulator.Run(scenario);

        Assert.Equal(0, t.ImportMicroKwh[0]);
        Assert.Equal(2_000_000, t.ExportMicroKwh[0]);
        Assert.Equal(-200_000, t.NetCostMicros(0));
        Assert.Equal(2.0, t.SelfConsumedKwh[0], 12);
    }

    [Fact]
    public void Battery_StoresSurplusThenCoversTheEvening_WithItsEfficiencies()
    {
        // 0.9 charge and discharge efficiency, 10 kWh, 5 kW, empty at start, no self-discharge.
        // 00:00–00:30: generation 4 kW, no load → 1 kWh per slot charged, 0.9 kWh stored each → 1.8 kWh.
        // 00:30–01:00: load 4 kW, no generation → slot 3 delivers 1 kWh (draws 1.1111), leaving 0.6889 kWh;
        // slot 4 delivers 0.6889 × 0.9 = 0.62 kWh and imports the remaining 0.38 kWh.
        double[] genByQuarter = [4, 4, 0, 0];
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile>
        {
            ["gen"] = new("gen", TimeSpan.FromMinutes(15), [.. genByQuarter.Select(kw => kw / 4), .. Enumerable.Repeat(0.0, 92)], isDaily: true, firstStepLocal: null),
        };
        var battery = new Battery("b", 10, 5, 5, 0.9, 0.9, MinSoc: 0, MaxSoc: 1, InitialSoc: 0, SelfDischargePerDay: 0);
        var house = House("a", appliances: [Window(4, "00:30", "01:00")], generators: [new ProfileGenerator("pv", true, "gen")], batteries: [battery]);
        var series = new SeriesRecorder();

        RunTotals t = Simulator.Run(Build([house], profiles: profiles), observers: [series]);

        Assert.Equal([0.9, 1.8, 1.8 - (1 / 0.9), 0], series.Stored.Select(x => x[0]), new Tolerance(1e-12));
        Assert.Equal(0.38, t.ImportKwh[0], 12);
        Assert.Equal(0, t.ExportKwh[0], 12);
        Assert.Equal(380_000, t.ImportMicroKwh[0]);
        Assert.Equal(114_000, t.ImportCostMicros[0]); // 0.38 kWh × 0.30
        // Losses: charging 2 × 0.1 = 0.2; discharging 1.62 × (1/0.9 − 1) = 0.18.
        Assert.Equal(0.38, t.LossesKwh[0], 12);
        Assert.Equal(1.62, t.SelfConsumedKwh[0], 12);
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ConnectionLimit_CapsImport_AndReportsTheRestAsUnmet()
    {
        // 2 kW load through a 1 kW connection for an hour: 1 kWh imported, 1 kWh unmet.
        var house = House("a", appliances: [Window(2, "00:00", "01:00")], maxImportKw: 1);

        RunTotals t = Simulator.Run(Build([house]));

        Assert.Equal(1.0, t.ImportKwh[0], 12);
        Assert.Equal(1.0, t.UnmetKwh[0], 12);
        Assert.Equal(300_000, t.ImportCostMicros[0]);
    }

    [Fact]
    public void ExportLimit_CurtailsSurplusAboveIt()
    {
        // 4 kW of generation, no load, 1 kW export limit: 1 kWh exported, 3 kWh curtailed over the hour.
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 4) };
        var house = House("a", generators: [new ProfileGenerator("roof", true, "gen")], maxExportKw: 1);

        RunTotals t = Simulator.Run(Build([house], profiles: profiles));

        Assert.Equal(1.0, t.ExportKwh[0], 12);
        Assert.Equal(3.0, t.CurtailedKwh[0], 12);
    }

    [Fact]
    public void DieselCheaperThanGrid_RunsAtMinimumLoad_AndExportsTheExcess()
    {
        // 1 kW load; a 3 kW generator with 50 % minimum load at 0.20/kWh beats the 0.30 grid.
        // It runs at 1.5 kW: 0.375 kWh per slot, 0.25 used, 0.125 exported. Over 1 h: 1.5 kWh fuel → 0.30;
        // export 0.5 kWh → 0.05. Net cost 0.25.
        var diesel = new DispatchableGenerator("diesel", true, 3, 0.5, 0.20m, 0.8);
        var house = House("a", appliances: [Window(1, "00:00", "01:00")], generators: [diesel]);

        RunTotals t = Simulator.Run(Build([house]));

        Assert.Equal(1.5, t.DispatchableKwh[0], 12);
        Assert.Equal(300_000, t.FuelCostMicros[0]);
        Assert.Equal(0.5, t.ExportKwh[0], 12);
        Assert.Equal(250_000, t.NetCostMicros(0));
        Assert.Equal(1.5 * 0.8, t.EmissionsKg[0], 12);
    }

    [Fact]
    public void DieselDearerThanGrid_StaysOff()
    {
        var diesel = new DispatchableGenerator("diesel", true, 3, 0.5, 0.50m);
        var house = House("a", appliances: [Window(1, "00:00", "01:00")], generators: [diesel]);

        RunTotals t = Simulator.Run(Build([house]));

        Assert.Equal(0, t.DispatchableKwh[0]);
        Assert.Equal(1.0, t.ImportKwh[0], 12);
    }

    [Fact]
    public void DeferrableJob_WithCheapestPolicy_RunsInTheCheapTimeOfUsePeriod()
    {
        // 2 kW for 60 min, window 00:00–04:00; import costs 0.40 until 02:00 and 0.10 after → runs 02:00–03:00,
        // 2 kWh × 0.10 = 0.20.
        var tariff = new Tariff(
            new PriceSchedule(PeerGrid.Domain.Quantities.Price.FromDecimal(0.10m), [new PricePeriod(new TimeWindow(new MinuteOfDay(0), new MinuteOfDay(120)), null, PeerGrid.Domain.Quantities.Price.FromDecimal(0.40m))]),
            PriceSchedule.Flat(0.05m));
        var job = new Appliance("wash", "washing-machine", 2, true, new DeferrableUsage(60, new MinuteOfDay(0), new MinuteOfDay(240)));
        var house = House("a", appliances: [job], preferences: Preferences.Default with { DeferrablePolicy = DeferrablePolicy.Cheapest });
        var series = new SeriesRecorder();

        RunTotals t = Simulator.Run(Build([house], hours: 4, tariff: tariff), observers: [series]);

        Assert.Equal(200_000, t.ImportCostMicros[0]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0], series.Load.Select(x => x[0]), new Tolerance(1e-12));
    }

    [Fact]
    public void DeferrableJob_WithEarliestPolicy_AndARunThatIsNotAWholeNumberOfSlots_UsesExactlyItsEnergy()
    {
        // 1.2 kW for 50 minutes from 00:00 = 1.0 kWh: 0.3 + 0.3 + 0.3 + 0.1.
        var job = new Appliance("dish", "dishwasher", 1.2, true, new DeferrableUsage(50, new MinuteOfDay(0), new MinuteOfDay(240)));
        var series = new SeriesRecorder();

        RunTotals t = Simulator.Run(Build([House("a", appliances: [job])], hours: 2), observers: [series]);

        Assert.Equal(1.0, t.LoadKwh[0], 12);
        Assert.Equal([0.3, 0.3, 0.3, 0.1, 0, 0, 0, 0], series.Load.Select(x => x[0]), new Tolerance(1e-12));
    }

    [Fact]
    public void SwitchedOffDevices_DoNothing()
    {
        var off = Window(2, "00:00", "01:00") with { IsOn = false };
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 4) };
        var house = House("a", appliances: [off], generators: [new ProfileGenerator("roof", false, "gen")]);

        RunTotals t = Simulator.Run(Build([house], profiles: profiles));

        Assert.Equal(0, t.LoadKwh[0]);
        Assert.Equal(0, t.GenerationKwh[0]);
    }

    [Fact]
    public void AlwaysOnFridge_UsesRatedPowerTimesDutyCycleOverADay()
    {
        // 0.12 kW × 24 h × 0.35 = 1.008 kWh per day, whatever its seeded phase.
        var fridge = new Appliance("fridge", "fridge", 0.12, true, new AlwaysOnUsage(0.35, 60));

        RunTotals t = Simulator.Run(Build([House("a", appliances: [fridge])], hours: 24));

        Assert.Equal(1.008, t.LoadKwh[0], 9);
    }

    [Fact]
    public void GridCharging_BelowThePriceThreshold_FillsTheBatteryFromTheGrid()
    {
        // A 4 kWh battery, 2 kW, 100 % efficient, empty; import 0.10 ≤ threshold 0.15 → it charges 0.5 kWh per slot.
        var battery = new Battery("b", 4, 2, 2, 1, 1, MinSoc: 0, MaxSoc: 1, InitialSoc: 0, SelfDischargePerDay: 0);
        var house = House("a", batteries: [battery], preferences: Preferences.Default with { GridChargeBelowPrice = 0.15m });

        RunTotals t = Simulator.Run(Build([house], import: 0.10m));

        Assert.Equal(2.0, t.ImportKwh[0], 12);
        Assert.Equal(2.0, t.StoredEndKwh[0], 12);
        Assert.Equal(200_000, t.ImportCostMicros[0]);
    }

    [Fact]
    public void SellFirstBattery_UnderGridOnly_StillStoresSurplusBeforeExporting()
    {
        // No peers buy under grid-only, so a sell-first battery charges from the unsold surplus: 4 kW × 1 h = 4 kWh.
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 4) };
        var battery = new Battery("b", 10, 5, 5, 1, 1, MinSoc: 0, MaxSoc: 1, InitialSoc: 0, SelfDischargePerDay: 0);
        var house = House("a", generators: [new ProfileGenerator("roof", true, "gen")], batteries: [battery], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst });

        RunTotals t = Simulator.Run(Build([house], profiles: profiles));

        Assert.Equal(4.0, t.StoredEndKwh[0], 12);
        Assert.Equal(0, t.ExportKwh[0], 12);
    }

    [Fact]
    public void CommunityKpis_AddUpTheHouseholds()
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 4) };
        var consumer = House("c", appliances: [Window(2, "00:00", "01:00")]);
        var producer = House("p", generators: [new ProfileGenerator("roof", true, "gen")]);
        var aggregate = new CommunityAggregator();

        RunTotals t = Simulator.Run(Build([consumer, producer], profiles: profiles), observers: [aggregate]);
        CommunityKpis k = KpiCalculator.Community(t, aggregate);

        // Consumer pays 0.60, producer earns 4 kWh × 0.10 = 0.40: community cost 0.20; baseline identical (no battery, no P2P).
        Assert.Equal(0.20m, k.CostTotal);
        Assert.Equal(0m, k.Savings);
        Assert.Equal(2.0, k.ImportKwh, 12);
        Assert.Equal(4.0, k.ExportKwh, 12);
        Assert.Equal(0, k.SelfSufficiency, 12);
        Assert.Equal(2.0, k.PeakImportKw, 12); // 0.5 kWh in a 15-minute slot
    }
}

public class OvernightJobTests
{
    [Fact]
    public void ADeferrableRunThatCrossesMidnight_KeepsItsWholeEnergy()
    {
        // 1 kW for 240 min in a 22:00–06:00 window, earliest start, over two days: day 0 runs 22:00–02:00 (4 kWh, half of it
        // after midnight); day 1 starts at 22:00 and is cut by the horizon at 24:00 (2 kWh). Total 6 kWh.
        var ev = new Appliance("ev", "ev-charger", 1, true, new DeferrableUsage(240, MinuteOfDay.FromHoursMinutes(22, 0), MinuteOfDay.FromHoursMinutes(6, 0)));

        RunTotals t = Simulator.Run(TestScenarios.Build([TestScenarios.House("a", appliances: [ev])], days: 2));

        Assert.Equal(6.0, t.LoadKwh[0], 9);
    }
}
