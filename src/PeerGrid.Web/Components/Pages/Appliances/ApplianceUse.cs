using System.Globalization;
using PeerGrid.Domain.Households;

namespace PeerGrid.Web.Components.Pages.Appliances;

/// <summary>
/// What an appliance's spec says about its use, in words for the list: energy per day from its rating and usage
/// pattern, and a deferrable job's schedule: the appliance's expected use, shown next to what its meter measured.
/// </summary>
internal static class ApplianceUse
{
    /// <summary>Day labels in the scenario format's day order (Monday first).</summary>
    public static readonly IReadOnlyList<string> DayLabels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string Energy(Appliance a) => a.Usage switch
    {
        AlwaysOnUsage u => FormattableString.Invariant($"about {Kwh(a.RatedPowerKw * 24 * u.DutyCycle)} a day ({u.DutyCycle:0.##} of each {u.PeriodMinutes} min)"),
        TimeWindowUsage u => Minutes(u.Weekday) == Minutes(u.Weekend)
            ? $"about {Kwh(a.RatedPowerKw * Minutes(u.Weekday) / 60)} a day"
            : $"about {Kwh(a.RatedPowerKw * Minutes(u.Weekday) / 60)} on weekdays, {Kwh(a.RatedPowerKw * Minutes(u.Weekend) / 60)} on weekend days",
        DeferrableUsage u => $"{Kwh(a.RatedPowerKw * u.RunMinutes / 60)} a run",
        ProfileUsage u => FormattableString.Invariant($"follows the profile \"{u.ProfileId}\" × {u.Scale:0.###}"),
        _ => "",
    };

    /// <summary>A deferrable job's window and days, or null for other usage patterns.</summary>
    public static string? Schedule(Appliance a) => a.Usage is DeferrableUsage u
        ? FormattableString.Invariant($"Runs {u.RunMinutes} min, starting {u.EarliestStart} or later, done by {u.Deadline}{(u.Deadline.Value <= u.EarliestStart.Value ? " next day" : "")} · {Days(u.Days)}")
        : null;

    private static string Days(int mask) => mask == 127 ? "every day" : string.Join(", ", DayLabels.Where((_, i) => (mask & (1 << i)) != 0));

    private static int Minutes(IReadOnlyList<TimeWindow> windows) => windows.Sum(w => w.LengthMinutes);

    private static string Kwh(double kwh) => kwh.ToString("0.00", CultureInfo.InvariantCulture) + " kWh";
}
