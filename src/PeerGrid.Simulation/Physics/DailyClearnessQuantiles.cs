namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Which quantile (0 … 1) of the daily clearness distribution each date gets. Within a calendar month the
/// quantiles are a stratified sample — one value in each of the month's N equal-probability strata — handed
/// out in the rank order of a persistent AR(1) chain. So every month's mean clearness sits on its normal, like a
/// typical meteorological year, while the seed decides which days are dull or bright and spells of similar days
/// still occur. (Plain independent draws would add the ±4–5 % year-to-year swing of real annual irradiation, which
/// makes one run's result depend on a lucky seed; see docs/physics.md.)
/// </summary>
internal sealed class DailyClearnessQuantiles(DailyGaussianChain order, DailyGaussianChain jitter)
{
    private readonly double[] _quantiles = new double[31];
    private DailyGaussianChain _order = order;
    private DailyGaussianChain _jitter = jitter;
    private int _year;
    private int _month;

    /// <summary>The quantile for <paramref name="date"/>; months must be requested in non-decreasing order.</summary>
    public double At(DateTime date)
    {
        if (date.Year != _year || date.Month != _month)
        {
            FillMonth(date.Year, date.Month);
        }
        return _quantiles[date.Day - 1];
    }

    private void FillMonth(int year, int month)
    {
        _year = year;
        _month = month;
        int days = DateTime.DaysInMonth(year, month);
        Span<double> z = stackalloc double[31];
        Span<double> offset = stackalloc double[31];
        Span<int> byRank = stackalloc int[31];
        for (int d = 0; d < days; d++)
        {
            var date = new DateTime(year, month, d + 1);
            z[d] = _order.ValueAt(date);
            offset[d] = SpecialFunctions.NormalCdf(_jitter.ValueAt(date));
            byRank[d] = d;
        }
        // Insertion sort of day indices by z (31 items at most; ties keep date order, so the result is deterministic).
        for (int i = 1; i < days; i++)
        {
            int day = byRank[i];
            int j = i - 1;
            while (j >= 0 && z[byRank[j]] > z[day])
            {
                byRank[j + 1] = byRank[j];
                j--;
            }
            byRank[j + 1] = day;
        }
        for (int rank = 0; rank < days; rank++)
        {
            int day = byRank[rank];
            _quantiles[day] = (rank + offset[day]) / days;
        }
    }
}
