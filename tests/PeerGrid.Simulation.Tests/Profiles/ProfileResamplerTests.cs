using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Tests.Profiles;

public class ProfileResamplerTests
{
    private const double Tolerance = 1e-12;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static SlotCalendar Day(DateTime date, int slotMinutes, double days = 1) =>
        SlotCalendar.Create(date, Berlin, slotMinutes, days, hours: null);

    private static Profile DailyProfile(int stepMinutes, Func<int, double> kwh) =>
        new("daily", TimeSpan.FromMinutes(stepMinutes), [.. Enumerable.Range(0, 1440 / stepMinutes).Select(kwh)], isDaily: true, firstStepLocal: null);

    private static Profile DatedProfile(DateTime first, int stepMinutes, double[] kwh) =>
        new("dated", TimeSpan.FromMinutes(stepMinutes), kwh, isDaily: false, first);

    private static double[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => 0.01 * (1 + (i % 17)))];

    [Theory]
    [InlineData(60, 15)]
    [InlineData(15, 60)]
    [InlineData(1, 15)]
    [InlineData(15, 1)]
    [InlineData(15, 10)]
    [InlineData(60, 7)]
    public void ToSlots_WhenProfileStepAndSlotLengthDiffer_ConservesTheEnergy(int profileMinutes, int slotMinutes)
    {
        // Seven-minute slots do not tile a day, but they tile a week.
        int days = 1440 % slotMinutes == 0 ? 1 : 7;
        Profile profile = DatedProfile(new DateTime(2025, 6, 2), profileMinutes, Ramp(days * 1440 / profileMinutes));

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 6, 2), slotMinutes, days));

        Assert.Equal(days * 1440 / slotMinutes, slots.Length);
        Assert.Equal(profile.TotalKwh, slots.Sum(), 1e-9);
        Assert.All(slots, s => Assert.True(s >= 0));
    }

    [Fact]
    public void ToSlots_WhenTheLastSlotRunsPastTheProfile_TakesTheOverhangFromItsStart()
    {
        // 206 seven-minute slots end at 24:02; the profile does not cover that, so it repeats from its first hour.
        double[] kwh = Ramp(24);
        Profile profile = DatedProfile(new DateTime(2025, 6, 2), 60, kwh);

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 6, 2), 7));

        Assert.Equal(206, slots.Length);
        Assert.Equal(kwh.Sum() + (kwh[0] * 2 / 60), slots.Sum(), 1e-12);
        Assert.Equal((kwh[23] * 5 / 60) + (kwh[0] * 2 / 60), slots[205], 1e-12);
    }

    [Fact]
    public void ToSlots_WhenAnHourlyProfileMeetsQuarterHourSlots_GivesEachQuarterAQuarterOfTheHour()
    {
        double[] kwh = Ramp(24);
        double[] slots = ProfileResampler.ToSlots(DatedProfile(new DateTime(2025, 6, 2), 60, kwh), Day(new DateTime(2025, 6, 2), 15));

        Assert.Equal(96, slots.Length);
        for (int s = 0; s < 96; s++)
        {
            Assert.Equal(kwh[s / 4] / 4, slots[s], Tolerance);
        }
    }

    [Fact]
    public void ToSlots_WhenMinuteDataMeetsQuarterHourSlots_SumsFifteenMinutesPerSlot()
    {
        double[] kwh = Ramp(1440);
        double[] slots = ProfileResampler.ToSlots(DatedProfile(new DateTime(2025, 6, 2), 1, kwh), Day(new DateTime(2025, 6, 2), 15));

        for (int s = 0; s < 96; s++)
        {
            Assert.Equal(kwh.Skip(s * 15).Take(15).Sum(), slots[s], 1e-12);
        }
    }

    [Fact]
    public void ToSlots_WhenDailyProfileMeetsTheSpringChange_SkipsTheMissingHourOfTheShape()
    {
        Profile profile = DailyProfile(15, i => i);

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 3, 30), 15));

        Assert.Equal(92, slots.Length);
        Assert.Equal(7, slots[7], Tolerance);   // 01:45
        Assert.Equal(12, slots[8], Tolerance);  // 03:00: 02:00–02:45 do not exist
        Assert.Equal(95, slots[91], Tolerance);
        Assert.Equal(profile.TotalKwh - (8 + 9 + 10 + 11), slots.Sum(), 1e-9);
    }

    [Fact]
    public void ToSlots_WhenDailyProfileMeetsTheAutumnChange_RepeatsTheDoubledHourOfTheShape()
    {
        Profile profile = DailyProfile(15, i => i);

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 10, 26), 15));

        Assert.Equal(100, slots.Length);
        Assert.Equal([8, 9, 10, 11, 8, 9, 10, 11, 12], slots[8..17]);
        Assert.Equal(profile.TotalKwh + (8 + 9 + 10 + 11), slots.Sum(), 1e-9);
    }

    [Fact]
    public void ToSlots_WhenAnHourlySlotStraddlesTheSpringChange_TakesBothSidesOfTheGap()
    {
        Profile profile = DailyProfile(15, i => i);
        // Starting at 01:30, hourly slots run 01:30–03:30 local for the second slot (01:30–02:00, then 03:00–03:30).
        var calendar = SlotCalendar.Create(new DateTime(2025, 3, 30, 0, 30, 0), Berlin, 60, days: null, hours: 3);

        double[] slots = ProfileResampler.ToSlots(profile, calendar);

        Assert.Equal(2 + 3 + 4 + 5, slots[0], Tolerance);            // 00:30–01:30
        Assert.Equal(6 + 7 + 12 + 13, slots[1], Tolerance);          // 01:30–02:00 and 03:00–03:30
        Assert.Equal(14 + 15 + 16 + 17, slots[2], Tolerance);        // 03:30–04:30
    }

    [Fact]
    public void ToSlots_WhenADailyProfileRunsSeveralDays_RepeatsItEveryDay()
    {
        Profile profile = DailyProfile(60, i => i);

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 6, 1, 0, 0, 0), 60, days: 3));

        Assert.Equal(72, slots.Length);
        Assert.Equal(slots[..24], slots[24..48]);
        Assert.Equal(slots[..24], slots[48..]);
    }

    [Fact]
    public void ToSlots_WhenADailyRunStartsMidDay_ReadsTheShapeFromThatTimeOfDay()
    {
        Profile profile = DailyProfile(60, i => i);

        double[] slots = ProfileResampler.ToSlots(profile, SlotCalendar.Create(new DateTime(2025, 6, 1, 18, 0, 0), Berlin, 60, days: null, hours: 8));

        Assert.Equal([18, 19, 20, 21, 22, 23, 0, 1], slots);
    }

    [Fact]
    public void ToSlots_WhenADatedProfileCoversTheRunInAnotherYear_ReadsItAtTheSameDates()
    {
        // July 2021 at 15 min; each step holds its day of month, so a slot shows which day it was read from.
        var first = new DateTime(2021, 7, 1);
        double[] kwh = [.. Enumerable.Range(0, 31 * 96).Select(i => 1.0 + (i / 96))];
        Profile profile = DatedProfile(first, 15, kwh);
        SlotCalendar calendar = Day(new DateTime(2025, 7, 10), 60, days: 2);

        ProfileAlignment alignment = ProfileResampler.Align(profile, calendar);
        double[] slots = ProfileResampler.ToSlots(profile, calendar);

        Assert.Equal(ProfileAlignmentKind.TimeOfYear, alignment.Kind);
        Assert.Equal(-4, alignment.YearShift);
        Assert.False(alignment.ByElapsedTime);
        Assert.Equal(4 * 10, slots[0], Tolerance);
        Assert.Equal(4 * 11, slots[47], Tolerance);
    }

    [Fact]
    public void ToSlots_WhenADatedProfileDoesNotCoverTheRun_RepeatsItFromTheRunsTimeOfDay()
    {
        // Two days from 06:00; a run starting at midnight enters 18 hours in, at the profile's first midnight.
        double[] kwh = [.. Enumerable.Range(0, 48).Select(i => (double)i)];
        Profile profile = DatedProfile(new DateTime(2021, 7, 1, 6, 0, 0), 60, kwh);
        SlotCalendar calendar = Day(new DateTime(2025, 1, 6), 60, days: 2);

        ProfileAlignment alignment = ProfileResampler.Align(profile, calendar);
        double[] slots = ProfileResampler.ToSlots(profile, calendar);

        Assert.Equal(ProfileAlignmentKind.Cyclic, alignment.Kind);
        Assert.Equal(18 * 60, alignment.StartMinutes);
        Assert.Equal(18, slots[0]);
        Assert.Equal(47, slots[29]);
        Assert.Equal(0, slots[30]);   // wrapped to the first step
        Assert.Equal(17, slots[47]);
    }

    [Fact]
    public void ToSlots_WhenADatedProfileOnlyPartlyCoversTheRun_RepeatsItRatherThanMixingRules()
    {
        double[] kwh = Ramp(24 * 31);
        Profile profile = DatedProfile(new DateTime(2021, 7, 1), 60, kwh);
        SlotCalendar calendar = Day(new DateTime(2025, 7, 30), 60, days: 5);

        ProfileAlignment alignment = ProfileResampler.Align(profile, calendar);

        Assert.Equal(ProfileAlignmentKind.Cyclic, alignment.Kind);
        Assert.Equal(0, alignment.StartMinutes);
    }

    [Fact]
    public void ToSlots_WhenTheProfileHasUtcTimestamps_PlacesItByInstant()
    {
        // Hour h of 2025-06-01 UTC holds h; Berlin is UTC+2, so the local midnight slot is 22:00 UTC the day before.
        double[] kwh = [.. Enumerable.Range(0, 72).Select(i => (double)(i % 24))];
        var profile = new Profile("utc", TimeSpan.FromHours(1), kwh, isDaily: false, new DateTime(2025, 5, 31), TimeSpan.Zero);

        double[] slots = ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 6, 1), 60));

        Assert.Equal(22, slots[0]);
        Assert.Equal(0, slots[2]);
    }

    [Fact]
    public void ToSlots_WhenADailyProfileDoesNotCoverADay_RejectsIt()
    {
        var profile = new Profile("short", TimeSpan.FromMinutes(15), new double[95], isDaily: true, firstStepLocal: null);

        Assert.Throws<ArgumentException>(() => ProfileResampler.ToSlots(profile, Day(new DateTime(2025, 6, 1), 15)));
    }
}
