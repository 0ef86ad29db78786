using System.Numerics;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Scenarios;

public class TemplateLibraryTests
{
    public static TheoryData<string> ApplianceNames() => [.. ApplianceTemplates.Names];

    public static TheoryData<string> HouseholdNames() => [.. HouseholdTemplates.Names];

    [Fact]
    public void ApplianceLibrary_HoldsTheDocumentedTemplates()
    {
        Assert.Equal(
            ["fridge", "freezer", "lighting", "tv", "computer", "router", "electric-cooking", "kettle", "microwave",
             "washing-machine", "dishwasher", "tumble-dryer", "ev-charger", "electric-water-heater"],
            ApplianceTemplates.Names);
    }

    [Theory]
    [MemberData(nameof(ApplianceNames))]
    public void EveryApplianceTemplate_PassesTheDomainRules(string name)
    {
        Appliance a = ApplianceTemplates.Get(name);
        var errors = new ValidationErrors();
        a.Validate(name, errors);
        Assert.Empty(errors.All);
        Assert.Equal(name, a.Kind);
        Assert.True(a.IsOn);
    }

    /// <summary>The annual figures docs/scenarios.md quotes, recomputed from rating × usage (weeks of 365/7).</summary>
    [Theory]
    [InlineData("fridge", 307)]
    [InlineData("freezer", 315)]
    [InlineData("lighting", 269)]
    [InlineData("tv", 214)]
    [InlineData("computer", 167)]
    [InlineData("router", 88)]
    [InlineData("electric-cooking", 352)]
    [InlineData("kettle", 183)]
    [InlineData("microwave", 47)]
    [InlineData("washing-machine", 209)]
    [InlineData("dishwasher", 261)]
    [InlineData("tumble-dryer", 469)]
    [InlineData("ev-charger", 2315)]
    [InlineData("electric-water-heater", 1095)]
    public void ApplianceTemplate_UsesTheDocumentedEnergyPerYear(string name, int kwhPerYear)
    {
        Assert.InRange(AnnualKwh(ApplianceTemplates.Get(name)), kwhPerYear - 0.5, kwhPerYear + 0.5);
    }

    private static double AnnualKwh(Appliance a)
    {
        const double WeeksPerYear = 365.0 / 7;
        double hoursPerWeek = a.Usage switch
        {
            AlwaysOnUsage u => 24 * 7 * u.DutyCycle,
            TimeWindowUsage u => ((5 * u.Weekday.Sum(w => w.LengthMinutes)) + (2 * u.Weekend.Sum(w => w.LengthMinutes))) / 60.0,
            DeferrableUsage u => u.RunMinutes / 60.0 * BitOperations.PopCount((uint)u.Days),
            _ => throw new InvalidOperationException(a.Usage.ToString()),
        };
        return a.RatedPowerKw * hoursPerWeek * WeeksPerYear;
    }

    [Fact]
    public void EvChargerTemplate_ChargesOvernightAtWallboxPower()
    {
        Appliance ev = ApplianceTemplates.Get("ev-charger");
        var usage = Assert.IsType<DeferrableUsage>(ev.Usage);
        Assert.InRange(ev.RatedPowerKw, 7, 11);
        Assert.True(usage.Deadline.Value < usage.EarliestStart.Value, "the window should cross midnight");
    }

    [Fact]
    public void UnknownApplianceTemplate_IsNotFound()
    {
        Assert.False(ApplianceTemplates.TryGet("sauna", out _));
        Assert.Throws<KeyNotFoundException>(() => ApplianceTemplates.Get("sauna"));
    }

    [Theory]
    [MemberData(nameof(HouseholdNames))]
    public void EveryHouseholdTemplate_BuildsAValidHousehold(string name)
    {
        Household h = HouseholdTemplates.Get(name, "h1");
        var errors = new ValidationErrors();
        h.Validate(name, errors);
        Assert.Empty(errors.All);
        Assert.Equal("h1", h.Id);
        Assert.Equal(new BaseLoad("bdew-h25", 3000), h.BaseLoad);
    }

    [Fact]
    public void HouseholdTemplates_DifferInTheirGenerationAndStorage()
    {
        string Shape(string name)
        {
            Household h = HouseholdTemplates.Get(name, "x");
            return string.Join("+", h.Generators.Select(g => g.EnergyType).Concat(h.Batteries.Select(_ => "battery")));
        }
        Assert.Equal(["", "solar", "solar+battery", "wind"], HouseholdTemplates.Names.Select(Shape));
    }
}
