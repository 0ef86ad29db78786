using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>The market section as read: the mechanism and the pay-as-clear price convention and k.</summary>
internal sealed record MarketSection(string Mechanism, string Pricing, double K);

/// <summary>"market": {"mechanism", "pricing", "k"}; the mechanism must be one this build supports.</summary>
internal static class MarketReader
{
    public const string DefaultMechanism = "grid-only";

    public static MarketSection? Read(ObjectReader root, ScenarioLoadContext context)
    {
        if (!root.TryGet("market", out JsonElement e))
        {
            return new MarketSection(DefaultMechanism, MarketSettings.EquilibriumInterval, 0.5);
        }
        ObjectReader? r = ObjectReader.Open(e, "market", root.Errors, "the market");
        if (r is null)
        {
            root.Fail();
            return null;
        }
        string mechanism = r.String("mechanism", $"\"{DefaultMechanism}\"") ?? DefaultMechanism;
        string pricing = r.String("pricing", $"\"{MarketSettings.EquilibriumInterval}\"") ?? MarketSettings.EquilibriumInterval;
        double k = r.Number("k", 0.5);
        if (!MarketSettings.PricingConventions.Contains(pricing))
        {
            r.Error("pricing", $"unknown price convention '{pricing}'", $"use \"{MarketSettings.EquilibriumInterval}\" or \"{MarketSettings.MarginalPair}\"");
        }
        if (!(k >= 0 && k <= 1))
        {
            r.Error("k", $"must be between 0 and 1 (got {k.ToString(System.Globalization.CultureInfo.InvariantCulture)})", "use 0.5 for the middle of the price interval, 0 for its low end, 1 for its high end");
        }
        r.Finish();
        if (r.Failed)
        {
            root.Fail();
            return null;
        }
        if (context.SupportedMechanisms.Contains(mechanism))
        {
            return new MarketSection(mechanism, pricing, k);
        }
        string supported = Suggestions.List(context.SupportedMechanisms.Order(StringComparer.Ordinal));
        if (ScenarioLoadContext.KnownMechanisms.Contains(mechanism))
        {
            r.Error("mechanism", $"'{mechanism}' is not available in this build", $"use one of {supported}");
        }
        else
        {
            r.Error("mechanism", $"unknown mechanism '{mechanism}'", $"{Suggestions.DidYouMean(mechanism, ScenarioLoadContext.KnownMechanisms.Concat(context.SupportedMechanisms))}use one of {supported}");
        }
        root.Fail();
        return null;
    }
}
