using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Scenarios.ScenarioTestKit;

namespace PeerGrid.Simulation.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Fact]
    public void Load_MinimalScenario_MapsEveryTopLevelField()
    {
        Scenario s = Valid(Load(Minimal()));

        Assert.Equal("test", s.Name);
        Assert.Equal(7UL, s.Seed);
        Assert.Equal(new DateTime(2025, 6, 2, 0, 0, 0), s.StartLocal);
        Assert.Equal("Europe/Berlin", s.TimeZoneId);
        Assert.Equal(2, s.HorizonDays);
        Assert.Null(s.HorizonHours);
        Assert.Equal(15, s.SlotMinutes);
        Assert.Equal("EUR", s.Currency);
        Assert.Same(Berlin, s.Location);
        Assert.Equal(Price.FromDecimal(0.32m), s.Tariff.Import.Default);
        Assert.Equal(Price.FromDecimal(0.08m), s.Tariff.Export.Default);
        Assert.Equal(0.38, s.GridEmissionsKgPerKwh);
        Assert.Equal("grid-only", s.Mechanism);
        Assert.Equal(["ev-load"], s.Profiles.Keys);
        Assert.Equal(["h01", "h02", "pvf-1", "pvf-2", "pvf-3"], s.Households.Select(h => h.Id));
    }

    [Fact]
    public void Load_ListedHousehold_MapsDevicesTemplatesAndPreferences()
    {
        Household h = Valid(Load(Minimal())).Households[0];

        Assert.Equal(new BaseLoad("bdew-h25", 3200), h.BaseLoad);
        Assert.Equal(["Fridge", "Washing machine", "Sauna"], h.Appliances.Select(a => a.Name));
        Assert.Equal(2.2, h.Appliances[1].RatedPowerKw);
        Assert.IsType<DeferrableUsage>(h.Appliances[1].Usage);
        var sauna = Assert.IsType<TimeWindowUsage>(h.Appliances[2].Usage);
        Assert.Empty(sauna.Weekday);
        Assert.Equal([new TimeWindow(new MinuteOfDay(17 * 60), new MinuteOfDay(19 * 60))], sauna.Weekend);
        var pv = Assert.IsType<SolarPv>(Assert.Single(h.Generators));
        Assert.Equal(("Roof", 6.0, 30.0, 180.0, 0.14), (pv.Name, pv.PeakKw, pv.TiltDegrees, pv.AzimuthDegrees, pv.SystemLosses));
        Battery b = Assert.Single(h.Batteries);
        Assert.Equal(("Home battery", 10.0, 5.0, 0.95, 0.1), (b.Name, b.CapacityKwh, b.MaxChargeKw, b.ChargeEfficiency, b.MinSoc));
        Assert.Equal(new Preferences(StorageMode.StoreFirst, SellSurplus: true, MinSellPrice: 0.10m, DeferrablePolicy: DeferrablePolicy.Sunniest), h.Preferences);
        Assert.Equal((30.0, 10.0), (h.MaxImportKw, h.MaxExportKw));
    }
}
