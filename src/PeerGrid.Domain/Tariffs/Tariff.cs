using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;

namespace PeerGrid.Domain.Tariffs;

/// <summary>
/// The utility's prices: it sells to households at <see cref="Import"/> (retail) and buys from them at
/// <see cref="Export"/> (feed-in tariff). Prices in currency units per kWh.
/// </summary>
public sealed record Tariff(PriceSchedule Import, PriceSchedule Export)
{
    public void Validate(string path, ValidationErrors errors)
    {
        Import.Validate($"{path}.import", errors);
        Export.Validate($"{path}.export", errors);
    }
}

/// <summary>
/// A price that may vary with local time: <see cref="Default"/> unless a <see cref="Periods"/> entry covers
/// the slot's local start time (the first match wins).
/// </summary>
public sealed record PriceSchedule(Price Default, IReadOnlyList<PricePeriod> Periods)
{
    public static PriceSchedule Flat(decimal unitsPerKwh) => new(Price.FromDecimal(unitsPerKwh), []);

    /// <summary>The price for a slot starting at local <paramref name="minute"/> on a <paramref name="day"/>.</summary>
    public Price At(DayKind day, int minute)
    {
        foreach (PricePeriod p in Periods)
        {
            if (p.Covers(day, minute))
            {
                return p.Price;
            }
        }
        return Default;
    }

    public void Validate(string path, ValidationErrors errors)
    {
        CheckPrice($"{path}.price", Default, errors);
        for (int i = 0; i < Periods.Count; i++)
        {
            CheckPrice($"{path}.periods[{i}].price", Periods[i].Price, errors);
            if (Periods[i].Window.Start == Periods[i].Window.End)
            {
                errors.Add($"{path}.periods[{i}]", "start equals end, so the period is empty", "give an end time after the start time");
            }
        }
    }

    private static void CheckPrice(string path, Price price, ValidationErrors errors)
    {
        if (price.MicrosPerKwh is < -10_000_000 or > 10_000_000)
        {
            errors.Add(path, $"{price} per kWh is outside the plausible range −10 … 10", "give the price in currency units per kWh (0.30, not 30)");
        }
    }
}

/// <summary>A time-of-use period: a local time window on weekdays, weekends or both (<see cref="Days"/> null).</summary>
public sealed record PricePeriod(TimeWindow Window, DayKind? Days, Price Price)
{
    public bool Covers(DayKind day, int minute)
    {
        if (Days is { } d && d != day)
        {
            return false;
        }
        int s = Window.Start.Value, e = Window.End.Value;
        return s < e ? minute >= s && minute < e : minute >= s || minute < e;
    }
}
