namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// The dynamised H25 profile as one quarter-hour series of local wall-clock days, scaled so that each calendar
/// year holds the requested annual energy.
/// </summary>
internal static class H25Series
{
    /// <summary>kWh per quarter-hour for <paramref name="days"/> local days from <paramref name="firstDay"/> 00:00.</summary>
    public static double[] Build(BdewProfileTable table, DateTime firstDay, int days, double annualKwh)
    {
        const int perDay = BdewProfileTable.QuarterHoursPerDay;
        double[] kwh = new double[checked(days * perDay)];
        var scaleByYear = new Dictionary<int, double>();
        for (int d = 0; d < days; d++)
        {
            DateTime date = firstDay.AddDays(d);
            if (!scaleByYear.TryGetValue(date.Year, out double scale))
            {
                double yearKwh = DynamisedYearKwh(table, date.Year);
                scale = yearKwh > 0 ? annualKwh / yearKwh : 0;
                scaleByYear.Add(date.Year, scale);
            }
            double factor = StandardProfiles.H25DynamicFactor(date.DayOfYear) * scale;
            ReadOnlySpan<double> shape = table.Day(date.Month, BdewProfileTable.DayTypeOf(date.DayOfWeek));
            Span<double> target = kwh.AsSpan(d * perDay, perDay);
            for (int q = 0; q < perDay; q++)
            {
                target[q] = shape[q] * factor;
            }
        }
        return kwh;
    }

    /// <summary>The table dynamised and summed over every day of <paramref name="year"/> (≈ 995,000 kWh for 2025).</summary>
    internal static double DynamisedYearKwh(BdewProfileTable table, int year)
    {
        double sum = 0;
        for (var date = new DateTime(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            double daySum = 0;
            foreach (double q in table.Day(date.Month, BdewProfileTable.DayTypeOf(date.DayOfWeek)))
            {
                daySum += q;
            }
            sum += daySum * StandardProfiles.H25DynamicFactor(date.DayOfYear);
        }
        return sum;
    }
}
