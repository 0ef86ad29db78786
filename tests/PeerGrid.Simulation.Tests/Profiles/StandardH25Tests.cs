using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Tests.Profiles;

public class StandardH25Tests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly SlotCalendar Year2025 = SlotCalendar.Create(new DateTime(2025, 1, 1), Berlin, 15, days: 365, hours: null);

    private static readonly double[] Household3500 = ProfileResampler.StandardH25(Year2025, 3500);

    private static int SlotAt(DateTime local) =>
        (int)((new DateTimeOffset(local, Berlin.GetUtcOffset(local)) - Year2025.StartUtc).TotalMinutes / 15);

    private static double Hour(DateTime localStart) => Household3500.AsSpan(SlotAt(localStart), 4).ToArray().Sum();

    [Fact]
    public void H25_WhenLoaded_HoldsThePublishedTable()
    {
        BdewProfileTable table = StandardProfiles.H25;

        Assert.Equal(22.152, table.KwhPerQuarterHour(1, BdewDayType.Saturday, 0));
        Assert.Equal(23.148, table.KwhPerQuarterHour(1, BdewDayType.Sunday, 0));
        Assert.Equal(20.126, table.KwhPerQuarterHour(1, BdewDayType.Workday, 0));
        Assert.Equal(19.959, table.KwhPerQuarterHour(12, BdewDayType.Workday, 0));
    }

    [Fact]
    public void DynamicFactor_AtTheEndsOfTheYear_MatchesTheBdewPolynomial()
    {
        Assert.Equal(1.24203, StandardProfiles.H25DynamicFactor(1), 5);
        double d = 180;
        double expected = (-3.92e-10 * d * d * d * d) + (3.2e-7 * d * d * d) - (7.02e-5 * d * d) + (0.0021 * d) + 1.24;
        Assert.Equal(expected, StandardProfiles.H25DynamicFactor(180), 12);
    }

    [Fact]
    public void StandardH25_ForAFullYearScaledTo3500Kwh_SumsTo3500WithinHalfAPercent()
    {
        Assert.Equal(365 * 96, Household3500.Length);
        Assert.InRange(Household3500.Sum(), 3500 * 0.995, 3500 * 1.005);
        Assert.All(Household3500, e => Assert.True(e > 0));
    }

    [Fact]
    public void StandardH25_ForAQuarterHour_IsTheTableTimesTheDayFactorTimesTheYearScale()
    {
        // 2025-01-01 is a Wednesday (the holiday is not modelled): WT, January, 00:00–00:15, day 1.
        double scale = 3500 / H25Series.DynamisedYearKwh(StandardProfiles.H25, 2025);

        Assert.Equal(20.126 * StandardProfiles.H25DynamicFactor(1) * scale, Household3500[0], 12);
        Assert.InRange(H25Series.DynamisedYearKwh(StandardProfiles.H25, 2025), 990_000, 1_000_000);
    }

    [Fact]
    public void StandardH25_OnAWinterWeekdayEvening_IsAboveASummerWeekdayNight()
    {
        double winterEvening = Hour(new DateTime(2025, 1, 15, 18, 0, 0));  // Wednesday
        double summerNight = Hour(new DateTime(2025, 7, 16, 3, 0, 0));     // Wednesday

        Assert.True(winterEvening > 2 * summerNight, $"{winterEvening} vs {summerNight}");
    }

    [Fact]
    public void StandardH25_OnASaturday_HasADifferentShapeFromAWorkday()
    {
        double[] friday = Household3500.AsSpan(SlotAt(new DateTime(2025, 1, 17)), 96).ToArray();
        double[] saturday = Household3500.AsSpan(SlotAt(new DateTime(2025, 1, 18)), 96).ToArray();
        double[] fridayShape = [.. friday.Select(e => e / friday.Sum())];
        double[] saturdayShape = [.. saturday.Select(e => e / saturday.Sum())];

        double largestDifference = fridayShape.Zip(saturdayShape, (f, s) => Math.Abs(f - s)).Max();

        Assert.True(largestDifference > 0.1 / 96, $"largest share difference {largestDifference}");
    }

    [Fact]
    public void StandardH25_OnTheDaylightSavingDays_Has92And100QuarterHours()
    {
        double[] spring = ProfileResampler.StandardH25(SlotCalendar.Create(new DateTime(2025, 3, 30), Berlin, 15, 1, null), 3500);
        double[] autumn = ProfileResampler.StandardH25(SlotCalendar.Create(new DateTime(2025, 10, 26), Berlin, 15, 1, null), 3500);

        Assert.Equal(92, spring.Length);
        Assert.Equal(100, autumn.Length);
        Assert.Equal(autumn[8..12], autumn[12..16]);  // 02:00–03:00 read twice
    }

    [Fact]
    public void StandardH25_AtHourlySlots_SumsTheQuarterHours()
    {
        SlotCalendar hourly = SlotCalendar.Create(new DateTime(2025, 2, 3), Berlin, 60, days: 7, hours: null);

        double[] slots = ProfileResampler.StandardH25(hourly, 3500);

        Assert.Equal(168, slots.Length);
        Assert.Equal(Hour(new DateTime(2025, 2, 3, 18, 0, 0)), slots[18], 12);
        Assert.Equal(Household3500.AsSpan(SlotAt(new DateTime(2025, 2, 3)), 7 * 96).ToArray().Sum(), slots.Sum(), 9);
    }
}
