using PeerGrid.Domain;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Web.Http;

/// <summary>
/// Query-string values that minimal APIs cannot check for us: enum-like strings (with a did-you-mean) and ranges.
/// Numbers are bound as strings and parsed here, so "page=abc" is a 400 naming "page", not a bare 400 without a body.
/// </summary>
internal static class QueryParameters
{
    public static void OneOf(string name, string? value, IReadOnlyCollection<string> allowed, ValidationErrors errors)
    {
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add(name, $"unknown value '{value}'", $"{Suggestions.DidYouMean(value, allowed)}use one of {Suggestions.List(allowed)}");
        }
    }

    /// <summary>A whole number in [min, max], the default when absent; null with the error reported.</summary>
    public static long? Long(string name, string? value, long min, long max, long? defaultValue, ValidationErrors errors)
    {
        if (value is null)
        {
            return defaultValue;
        }
        if (!long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long v) || v < min || v > max)
        {
            errors.Add(name, $"'{value}' is not a whole number from {min} to {max}", $"give {name} as a whole number from {min} to {max}");
            return null;
        }
        return v;
    }
}
