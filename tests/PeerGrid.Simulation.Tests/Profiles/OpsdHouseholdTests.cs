using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Tests.Profiles;

/// <summary>
/// A cut of a real metered household (Open Power System Data. 2020. Data Package Household Data; CC-BY-4.0, see
/// Data/README.md): hourly cumulative kWh readings, the grid meter installed a few hours into the file.
/// </summary>
public class OpsdHouseholdTests
{
    private const string FileName = "opsd_DE_KN_residential4_2015-10-11_to_26.csv";
    private const string GridImport = "DE_KN_residential4_grid_import";
    private const string HeatPump = "DE_KN_residential4_heat_pump";

    private static Profile ReadColumn(string column, string? timeColumn = null)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Profiles", "Data", FileName));
        return ProfileCsvReader.Read(reader, FileName, new ProfileCsvOptions
        {
            Unit = ProfileValueUnit.KilowattHour,
            Cumulative = true,
            ValueColumn = column,
            TimeColumn = timeColumn,
        });
    }

    [Fact]
    public void Read_WhenGridImportIsCumulative_SkipsTheEmptyStartAndTakesHourlyDifferences()
    {
        Profile profile = ReadColumn(GridImport);

        // Readings from 2015-10-11T19:00Z (0.077 kWh) to 2015-10-26T23:00Z (146.984 kWh): 365 readings, 364 steps.
        Assert.Equal(364, profile.EnergyKwh.Length);
        Assert.Equal(TimeSpan.FromHours(1), profile.Step);
        Assert.Equal(new DateTime(2015, 10, 11, 19, 0, 0), profile.FirstStepLocal);
        Assert.Equal(TimeSpan.Zero, profile.FirstStepUtcOffset);
        Assert.Equal(146.984 - 0.077, profile.TotalKwh, 1e-9);
        Assert.Equal(0.445 - 0.077, profile.EnergyKwh[0], 1e-12);
        Assert.All(profile.EnergyKwh, e => Assert.True(e >= 0));
    }

    [Fact]
    public void Read_WhenAnotherColumnIsChosen_ReadsItFromTheFirstRow()
    {
        Profile profile = ReadColumn(HeatPump);

        Assert.Equal(383, profile.EnergyKwh.Length);
        Assert.Equal(new DateTime(2015, 10, 11, 0, 0, 0), profile.FirstStepLocal);
        Assert.Equal(95.150 - 2.240, profile.TotalKwh, 1e-9);
    }

    [Fact]
    public void Read_WhenTimedByTheLocalColumnAcrossTheAutumnChange_GivesTheSameSeriesAsUtc()
    {
        Profile utc = ReadColumn(GridImport);
        Profile local = ReadColumn(GridImport, timeColumn: "cet_cest_timestamp");

        Assert.Equal(utc.EnergyKwh, local.EnergyKwh);
        Assert.Equal(new DateTime(2015, 10, 11, 21, 0, 0), local.FirstStepLocal);
        Assert.Equal(TimeSpan.FromHours(2), local.FirstStepUtcOffset);
    }

    [Fact]
    public void ToSlots_WhenTheRunFallsInsideTheMeteredDays_PlacesEachHourAtItsInstant()
    {
        Profile profile = ReadColumn(GridImport, timeColumn: "cet_cest_timestamp");
        TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 2015-10-20 00:00 in Berlin is 2015-10-19T22:00Z: 195 hours after the first reading (2015-10-11T19:00Z).
        var calendar = SlotCalendar.Create(new DateTime(2015, 10, 20), berlin, 60, days: 1, hours: null);

        double[] slots = ProfileResampler.ToSlots(profile, calendar);
        ProfileAlignment alignment = ProfileResampler.Align(profile, calendar);

        Assert.Equal(ProfileAlignmentKind.TimeOfYear, alignment.Kind);
        Assert.Equal(0, alignment.YearShift);
        Assert.True(alignment.ByElapsedTime);
        Assert.Equal(profile.EnergyKwh.AsSpan(195, 24).ToArray(), slots);
    }
}
