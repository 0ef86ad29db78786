using PeerGrid.Domain;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Web.Http;

/// <summary>Amounts of money in request bodies: decimal currency units with at most 6 decimals (exact micro-units).</summary>
internal static class MoneyField
{
    /// <summary>The most one top-up, withdrawal or contract price may move (currency units).</summary>
    public const decimal MaxAmount = 100_000m;

    /// <summary>A required amount &gt; 0 and ≤ <see cref="MaxAmount"/>, in micro-units; null with the error reported.</summary>
    public static long? RequiredAmount(ObjectReader r, string name, ValidationErrors errors, decimal max = MaxAmount)
    {
        decimal? value = r.RequiredDecimal(name, "10.50");
        if (value is not { } v)
        {
            return null;
        }
        if (v <= 0 || v > max)
        {
            errors.Add(r.At(name), $"{v} is outside 0 (exclusive) … {max}", $"give an amount above 0 and at most {max}");
            return null;
        }
        decimal micros = v * 1_000_000m;
        if (micros != decimal.Truncate(micros))
        {
            errors.Add(r.At(name), $"{v} has more than 6 decimal places", "round the amount to at most 6 decimals");
            return null;
        }
        return (long)micros;
    }

    public static decimal ToUnits(long micros) => micros / 1_000_000m;
}
