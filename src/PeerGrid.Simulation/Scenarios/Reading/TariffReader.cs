using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// "tariff": {"import", "export"}, each a number (a flat price per kWh) or {"price", "periods": [{"days",
/// "from", "to", "price"}]} (a default with time-of-use periods, the first matching period wins).
/// </summary>
internal static class TariffReader
{
    public static readonly IReadOnlyList<string> DayKinds = ["all", "weekday", "weekend"];

    public static Tariff? Read(ObjectReader root)
    {
        if (!root.TryGetRequired("tariff", "{ \"import\": 0.32, \"export\": 0.08 }", out JsonElement e))
        {
            return null;
        }
        ObjectReader? r = ObjectReader.Open(e, "tariff", root.Errors, "the tariff");
        if (r is null)
        {
            root.Fail();
            return null;
        }
        PriceSchedule? import = Schedule(r, "import", "0.32");
        PriceSchedule? export = Schedule(r, "export", "0.08");
        r.Finish();
        if (r.Failed || import is null || export is null)
        {
            root.Fail();
            return null;
        }
        var tariff = new Tariff(import, export);
        var found = new ValidationErrors();
        tariff.Validate("tariff", found);
        foreach (ValidationError error in found.All)
        {
            // A flat price is written as "import": 0.32, so point at "tariff.import", not at a "price" the user never wrote.
            string path = error.Path;
            if (IsFlat(e, "import") && path == "tariff.import.price" || IsFlat(e, "export") && path == "tariff.export.price")
            {
                path = path[..^".price".Length];
            }
            root.Errors.Add(path, error.Problem, error.Fix);
        }
        if (!found.IsEmpty)
        {
            root.Fail();
            return null;
        }
        CheckExportBelowImport(tariff, root);
        return tariff;
    }

    private static bool IsFlat(JsonElement tariff, string name) =>
        tariff.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number;

    private static PriceSchedule? Schedule(ObjectReader r, string name, string example)
    {
        if (!r.TryGetRequired(name, $"{example} (currency per kWh) or {{ \"price\": {example}, \"periods\": [ … ] }}", out JsonElement e))
        {
            return null;
        }
        if (e.ValueKind == JsonValueKind.Number)
        {
            decimal? flat = r.Decimal(name, example);
            Price? price = flat is { } f ? ToPrice(f, r.At(name), r) : null;
            return price is { } p ? new PriceSchedule(p, []) : null;
        }
        ObjectReader? s = ObjectReader.Open(e, r.At(name), r.Errors, $"the {name} price");
        if (s is null)
        {
            r.Fail();
            return null;
        }
        decimal? d = s.RequiredDecimal("price", $"{example} (the price outside any period)");
        Price? defaultPrice = d is { } dv ? ToPrice(dv, s.At("price"), s) : null;
        var periods = new List<PricePeriod>();
        if (s.TryGetArray("periods", out JsonElement array, "[{ \"days\": \"weekday\", \"from\": \"17:00\", \"to\": \"20:00\", \"price\": 0.45 }]"))
        {
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (Period(item, $"{s.At("periods")}[{i++}]", r.Errors) is { } period)
                {
                    periods.Add(period);
                }
                else
                {
                    s.Fail();
                }
            }
        }
        s.Finish();
        if (s.Failed || defaultPrice is null)
        {
            r.Fail();
            return null;
        }
        return new PriceSchedule(defaultPrice.Value, periods);
    }

    private static PricePeriod? Period(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a price period");
        if (r is null)
        {
            return null;
        }
        string days = r.OneOf("days", DayKinds, required: false) ?? "all";
        MinuteOfDay? from = r.RequiredTime("from", "\"17:00\"");
        MinuteOfDay? to = r.RequiredTime("to", "\"20:00\"");
        decimal? p = r.RequiredDecimal("price", "0.45");
        Price? price = p is { } pv ? ToPrice(pv, r.At("price"), r) : null;
        r.Finish();
        DayKind? kind = days switch { "weekday" => DayKind.Weekday, "weekend" => DayKind.Weekend, _ => null };
        return !r.Failed && from is { } f && to is { } t && price is { } pr ? new PricePeriod(new TimeWindow(f, t), kind, pr) : null;
    }

    /// <summary>Prices are exact micro-units; finer values or absurd magnitudes cannot be represented.</summary>
    public static Price? ToPrice(decimal value, string path, ObjectReader owner)
    {
        if (Math.Abs(value) > 1_000_000_000m)
        {
            owner.Errors.Add(path, $"{value} per kWh is far outside any real price", "give the price in currency units per kWh (0.30, not 30)");
            owner.Fail();
            return null;
        }
        decimal micros = value * Money.MicrosPerUnit;
        if (micros != decimal.Truncate(micros))
        {
            owner.Errors.Add(path, $"{value} has more than 6 decimal places", "round the price to at most 6 decimal places (0.000001 currency units)");
            owner.Fail();
            return null;
        }
        return Price.FromDecimal(value);
    }

    /// <summary>
    /// Selling to the utility must never pay more than buying from it, or a household could profit by importing
    /// to export, and SDR/MMR pricing (shared/REFERENCE.md §1) assumes λ_sell ≤ λ_buy.
    /// </summary>
    private static void CheckExportBelowImport(Tariff tariff, ObjectReader root)
    {
        foreach (DayKind day in Enum.GetValues<DayKind>())
        {
            for (int minute = 0; minute < MinuteOfDay.MinutesPerDay; minute++)
            {
                Price buy = tariff.Import.At(day, minute), sell = tariff.Export.At(day, minute);
                if (sell > buy)
                {
                    string when = $"{(day == DayKind.Weekday ? "weekdays" : "weekends")} at {new MinuteOfDay(minute)}";
                    root.Error("tariff.export", $"the export price {sell} exceeds the import price {buy} on {when}", "keep the export (feed-in) price at or below the import price at every time");
                    return;
                }
            }
        }
    }
}
