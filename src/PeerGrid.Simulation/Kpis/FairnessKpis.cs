using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Kpis;

/// <summary>
/// How a run's savings and bills are spread across households (beyond gsy-e's KPIs, ../shared/REFERENCE.md §3).
/// Money in currency units. <see cref="GiniOfSavings"/>: 0 = everyone saves the same, 1 = one household gets all;
/// computed on savings shifted so the smallest is 0 when some are negative (documented in docs/kpis.md).
/// <see cref="ShareOfSavingsToConsumers"/>: the part of the community's total savings that went to households
/// without generation (NaN when total savings are 0).
/// </summary>
public sealed record FairnessKpis(
    decimal MinBill,
    decimal MedianBill,
    decimal MaxBill,
    decimal BillSpread,
    double GiniOfSavings,
    double ShareOfSavingsToConsumers);

public static class Fairness
{
    public static FairnessKpis Of(RunTotals totals)
    {
        int n = totals.HouseholdIds.Length;
        if (n == 0)
        {
            return new FairnessKpis(0, 0, 0, 0, 0, double.NaN);
        }
        var bills = new decimal[n];
        var savings = new decimal[n];
        decimal total = 0, toConsumers = 0;
        for (int h = 0; h < n; h++)
        {
            bills[h] = totals.NetCostMicros(h) / 1_000_000m;
            savings[h] = checked(totals.BaselineCostMicros[h] - totals.NetCostMicros(h)) / 1_000_000m;
            total += savings[h];
            if (!totals.HasGeneration[h])
            {
                toConsumers += savings[h];
            }
        }
        Array.Sort(bills);
        decimal median = n % 2 == 1 ? bills[n / 2] : (bills[(n / 2) - 1] + bills[n / 2]) / 2;
        return new FairnessKpis(
            bills[0],
            median,
            bills[^1],
            bills[^1] - bills[0],
            Gini(savings),
            total == 0 ? double.NaN : (double)(toConsumers / total));
    }

    /// <summary>
    /// Gini coefficient by the sorted-rank formula G = Σ (2i − n − 1)·x_i ÷ (n·Σ x), i = 1 … n ascending.
    /// Negative values are shifted up by the minimum first, so the index stays in [0, 1]; all-equal gives 0.
    /// </summary>
    public static double Gini(IReadOnlyList<decimal> values)
    {
        int n = values.Count;
        if (n == 0)
        {
            return 0;
        }
        var x = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = values[i];
        }
        Array.Sort(x);
        decimal shift = x[0] < 0 ? -x[0] : 0;
        decimal sum = 0, weighted = 0;
        for (int i = 0; i < n; i++)
        {
            decimal v = x[i] + shift;
            sum += v;
            weighted += ((2 * (i + 1)) - n - 1) * v;
        }
        return sum == 0 ? 0 : (double)(weighted / (n * sum));
    }
}
