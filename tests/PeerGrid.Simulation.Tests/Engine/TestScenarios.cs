using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>Builds small scenarios in code for hand-computable engine tests.</summary>
internal static class TestScenarios
{
    public static readonly Climate FlatClimate = new([.. Enumerable.Repeat(0.5, 12)], [.. Enumerable.Repeat(10.0, 12)]);
    public static readonly Location Berlin = new("berlin", 52.52, 13.40, FlatClimate);

    public static Scenario Build(
        IReadOnlyList<Household> households,
        double hours = 1,
        decimal import = 0.30m,
        decimal export = 0.10m,
        int slotMinutes = 15,
        DateTime? start = null,
        Tariff? tariff = null,
        IReadOnlyDictionary<string, Profile>? profiles = null,
        ulong seed = 7,
        double? days = null) =>
        new(
            "test",
            seed,
            start ?? new DateTime(2025, 1, 6, 0, 0, 0), // a Monday in winter, at midnight: no sun
            "Europe/Berlin",
            slotMinutes,
            days,
            days is null ? hours : null,
            Berlin,
            tariff ?? new Tariff(PriceSchedule.Flat(import), PriceSchedule.Flat(export)),
            0.4,
            households,
            profiles ?? new Dictionary<string, Profile>());

    public static Household House(
        string id,
        IReadOnlyList<Appliance>? appliances = null,
        IReadOnlyList<Generator>? generators = null,
        IReadOnlyList<Battery>? batteries = null,
        Preferences? preferences = null,
        double? maxImportKw = null,
        double? maxExportKw = null) =>
        new(id, appliances ?? [], generators ?? [], batteries ?? [], preferences ?? Preferences.Default, null, maxImportKw, maxExportKw);

    /// <summary>An appliance drawing <paramref name="kw"/> between local times <paramref name="from"/> and <paramref name="to"/> every day.</summary>
    public static Appliance Window(double kw, string from, string to, string name = "load")
    {
        Assert.True(MinuteOfDay.TryParse(from, out MinuteOfDay f));
        Assert.True(MinuteOfDay.TryParse(to, out MinuteOfDay t));
        TimeWindow[] w = [new TimeWindow(f, t)];
        return new Appliance(name, "test", kw, true, new TimeWindowUsage(w, w));
    }

    /// <summary>A daily profile of constant power <paramref name="kw"/>, one-hour steps.</summary>
    public static Profile ConstantDaily(string id, double kw) => new(id, TimeSpan.FromHours(1), [.. Enumerable.Repeat(kw, 24)], isDaily: true, firstStepLocal: null);

    /// <summary>A daily profile: <paramref name="kwByHour"/>[i] is the power in local hour i.</summary>
    public static Profile Daily(string id, double[] kwByHour) => new(id, TimeSpan.FromHours(1), kwByHour, isDaily: true, firstStepLocal: null);

    public static Money Units(decimal v) => Money.FromDecimal(v);
}
