using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Web.Http;

/// <summary>Body fields the scenario reader has no reader for: 64-bit ids and slots, bounded names, exact prices.</summary>
internal static class Fields
{
    /// <summary>The longest name of a household or device.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A whole number that fits 64 bits, or null (absent, or wrong with the error reported).</summary>
    public static long? Long(ObjectReader r, string name, bool required, string example)
    {
        JsonElement v;
        if (required ? !r.TryGetRequired(name, example, out v) : !r.TryGet(name, out v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long value))
        {
            return value;
        }
        r.Error(name, $"expected a whole number but got {v.GetRawText()}", $"give a whole number, e.g. {example}");
        return null;
    }

    /// <summary>A required bool (the reader only has optional ones with a default).</summary>
    public static bool? RequiredBool(ObjectReader r, string name, string example)
    {
        if (!r.TryGetRequired(name, example, out _))
        {
            return null;
        }
        int before = r.Errors.All.Count;
        bool value = r.Bool(name, false);
        return r.Errors.All.Count == before ? value : null;
    }

    /// <summary>Reports a name that is blank or longer than <see cref="MaxNameLength"/>.</summary>
    public static void CheckName(string path, string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            return;
        }
        if (value.Trim().Length == 0)
        {
            errors.Add(path, "is blank", $"give 1–{MaxNameLength} characters");
        }
        else if (value.Length > MaxNameLength)
        {
            errors.Add(path, $"has {value.Length} characters, more than {MaxNameLength}", $"shorten it to at most {MaxNameLength} characters");
        }
    }

    /// <summary>A price per kWh in [min, max] with at most 6 decimals, in micro-units per kWh; null with the error reported.</summary>
    public static long? PriceMicros(ObjectReader r, string name, bool required, decimal min, decimal max, bool minExclusive, string example)
    {
        decimal? value = required ? r.RequiredDecimal(name, example) : r.Decimal(name, example);
        if (value is not { } v)
        {
            return null;
        }
        if ((minExclusive ? v <= min : v < min) || v > max)
        {
            r.Error(name, $"{v} per kWh is outside {min}{(minExclusive ? " (exclusive)" : "")} … {max}", $"give a price in currency units per kWh (0.25, not 25) {(minExclusive ? "above" : "from")} {min} up to {max}");
            return null;
        }
        decimal micros = v * 1_000_000m;
        if (micros != decimal.Truncate(micros))
        {
            r.Error(name, $"{v} has more than 6 decimal places", "round the price to at most 6 decimals");
            return null;
        }
        return (long)micros;
    }

    /// <summary>An energy in kWh with 0 &lt; x ≤ max; null with the error reported.</summary>
    public static double? EnergyKwh(ObjectReader r, string name, double max, string example)
    {
        double? value = r.RequiredNumber(name, example);
        if (value is not { } v)
        {
            return null;
        }
        if (v <= 0 || v > max)
        {
            r.Error(name, $"{v} kWh is outside 0 (exclusive) … {max}", $"give the energy in kWh, above 0 and at most {max}");
            return null;
        }
        return v;
    }
}
