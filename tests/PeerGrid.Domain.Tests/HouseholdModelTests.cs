using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Tariffs;

namespace PeerGrid.Domain.Tests;

public class HouseholdModelTests
{
    [Theory]
    [InlineData("00:00", 0)]
    [InlineData("07:30", 450)]
    [InlineData("24:00", 1440)]
    [InlineData("9:05", 545)]
    public void MinuteOfDay_ParsesHoursAndMinutes(string text, int expected)
    {
        Assert.True(MinuteOfDay.TryParse(text, out MinuteOfDay m));
        Assert.Equal(expected, m.Value);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("12:60")]
    [InlineData("24:01")]
    [InlineData("noon")]
    [InlineData("12:5")]
    [InlineData("")]
    public void MinuteOfDay_RejectsWhatIsNotATime(string text)
    {
        Assert.False(MinuteOfDay.TryParse(text, out _));
    }

    [Fact]
    public void Battery_WithMinAboveMax_NamesTheFieldAndTheFix()
    {
        var errors = new ValidationErrors();
        new Battery("b", 10, 5, 5, MinSoc: 0.9, MaxSoc: 0.2).Validate("households[0].batteries[0]", errors);

        ValidationError e = Assert.Single(errors.All, x => x.Path.EndsWith(".minSoc", StringComparison.Ordinal));
        Assert.Contains("must be below maxSoc", e.Problem, StringComparison.Ordinal);
        Assert.Equal("lower minSoc or raise maxSoc", e.Fix);
    }

    [Fact]
    public void Battery_WithNegativeCapacity_IsRejected()
    {
        var errors = new ValidationErrors();
        new Battery("b", -1, 5, 5).Validate("b", errors);

        Assert.Contains(errors.All, e => e.Path == "b.capacityKwh" && e.Problem.Contains("> 0", StringComparison.Ordinal));
    }

    [Fact]
    public void SolarPv_GivenInWatts_SuggestsKilowatts()
    {
        var errors = new ValidationErrors();
        new SolarPv("roof", true, 5000).Validate("pv", errors);

        Assert.Contains(errors.All, e => e.Path == "pv.peakKw" && e.Fix.Contains("kWp", StringComparison.Ordinal));
    }

    [Fact]
    public void WindTurbine_WithSpeedsOutOfOrder_IsRejected()
    {
        var errors = new ValidationErrors();
        new WindTurbine("w", true, 5, CutInMs: 10, RatedSpeedMs: 8).Validate("w", errors);

        Assert.Contains(errors.All, e => e.Fix == "order cutInMs < ratedSpeedMs ≤ cutOutMs");
    }

    [Fact]
    public void DeferrableJob_LongerThanItsWindow_IsRejected()
    {
        var errors = new ValidationErrors();
        new DeferrableUsage(180, new MinuteOfDay(600), new MinuteOfDay(660)).Validate("u", errors);

        Assert.Contains(errors.All, e => e.Path == "u.runMinutes" && e.Problem.Contains("only 60 min", StringComparison.Ordinal));
    }

    [Fact]
    public void DeferrableJob_WithDeadlineBeforeStart_RunsOvernight()
    {
        var ev = new DeferrableUsage(240, MinuteOfDay.FromHoursMinutes(18, 0), MinuteOfDay.FromHoursMinutes(7, 0));

        Assert.Equal(13 * 60, ev.WindowMinutes);
        Assert.True(ev.RunsOn(DayOfWeek.Sunday));
        Assert.False((ev with { Days = 1 }).RunsOn(DayOfWeek.Sunday));
        Assert.True((ev with { Days = 1 }).RunsOn(DayOfWeek.Monday));
    }

    [Fact]
    public void TimeOfUseSchedule_PicksTheFirstCoveringPeriod_ElseTheDefault()
    {
        var peak = new PricePeriod(new TimeWindow(MinuteOfDay.FromHoursMinutes(17, 0), MinuteOfDay.FromHoursMinutes(20, 0)), DayKind.Weekday, Price.FromDecimal(0.45m));
        var night = new PricePeriod(new TimeWindow(MinuteOfDay.FromHoursMinutes(22, 0), MinuteOfDay.FromHoursMinutes(6, 0)), null, Price.FromDecimal(0.20m));
        var schedule = new PriceSchedule(Price.FromDecimal(0.30m), [peak, night]);

        Assert.Equal(0.45m, schedule.At(DayKind.Weekday, 18 * 60).ToDecimal());
        Assert.Equal(0.30m, schedule.At(DayKind.Weekend, 18 * 60).ToDecimal());
        Assert.Equal(0.20m, schedule.At(DayKind.Weekend, 23 * 60).ToDecimal());
        Assert.Equal(0.20m, schedule.At(DayKind.Weekday, 5 * 60).ToDecimal());
        Assert.Equal(0.30m, schedule.At(DayKind.Weekday, 6 * 60).ToDecimal());
    }
}
