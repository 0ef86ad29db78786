using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Tests.Time;

public class SlotCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void AYearOfQuarterHours_Has35040Slots_And365Days()
    {
        var calendar = SlotCalendar.Create(new DateTime(2025, 1, 1), Berlin, 15, days: 365, hours: null);

        Assert.Equal(35_040, calendar.SlotCount);
        Assert.Equal(365, calendar.DayCount);
    }

    [Theory]
    [InlineData(3, 30, 92)]   // clocks go forward: 23 hours
    [InlineData(10, 26, 100)] // clocks go back: 25 hours
    [InlineData(6, 1, 96)]
    public void DaylightSavingDays_HaveTheirTrueNumberOfQuarterHours(int month, int day, int expected)
    {
        var calendar = SlotCalendar.Create(new DateTime(2025, month, day), Berlin, 15, days: 1, hours: null);

        Assert.Equal(expected, calendar.SlotCount);
        Assert.Single(calendar.DayStarts);
    }

    [Fact]
    public void SpringForward_SkipsTwoOClockLocalTime()
    {
        var calendar = SlotCalendar.Create(new DateTime(2025, 3, 30), Berlin, 60, days: 1, hours: null);

        Assert.Equal([0, 60, 180, 240], calendar.LocalMinuteOfDay.Take(4).Select(m => (int)m));
    }

    [Fact]
    public void SlotFacts_FollowLocalTime()
    {
        // 2025-01-04 is a Saturday; the run starts at local 23:00 on Friday the 3rd.
        var calendar = SlotCalendar.Create(new DateTime(2025, 1, 3, 23, 0, 0), Berlin, 30, days: null, hours: 3);

        Assert.Equal(6, calendar.SlotCount);
        Assert.Equal(DayKind.Weekday, calendar.DayKinds[0]);
        Assert.Equal(DayKind.Weekend, calendar.DayKinds[2]);
        Assert.Equal([0, 2], calendar.DayStarts);
        Assert.Equal(new DateTimeOffset(2025, 1, 3, 22, 0, 0, TimeSpan.Zero), calendar.SlotStartUtc(0));
        Assert.Equal(4, calendar.DayOfYear[2]);
    }

    [Fact]
    public void AStartInsideTheSpringGap_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => SlotCalendar.Create(new DateTime(2025, 3, 30, 2, 30, 0), Berlin, 15, days: 1, hours: null));
    }

    [Fact]
    public void AnAmbiguousAutumnStart_IsReadAsDaylightTime()
    {
        var calendar = SlotCalendar.Create(new DateTime(2025, 10, 26, 2, 30, 0), Berlin, 15, days: null, hours: 1);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), calendar.SlotStartUtc(0));
    }
}
