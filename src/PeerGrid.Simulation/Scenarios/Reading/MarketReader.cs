using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>"market": {"mechanism"}; the mechanism must be one this build supports.</summary>
internal static class MarketReader
{
    public const string DefaultMechanism = "grid-only";

    public static string? Read(ObjectReader root, ScenarioLoadContext context)
    {
        if (!root.TryGet("market", out JsonElement e))
        {
            return DefaultMechanism;
        }
        ObjectReader? r = ObjectReader.Open(e, "market", root.Errors, "the market");
        if (r is null)
        {
            root.Fail();
            return null;
        }
        string mechanism = r.String("mechanism", $"\"{DefaultMechanism}\"") ?? DefaultMechanism;
        r.Finish();
        if (r.Failed)
        {
            root.Fail();
            return null;
        }
        if (context.SupportedMechanisms.Contains(mechanism))
        {
            return mechanism;
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
