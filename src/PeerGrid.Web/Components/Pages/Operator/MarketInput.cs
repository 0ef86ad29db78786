using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Forms;

namespace PeerGrid.Web.Components.Pages.Operator;

/// <summary>
/// The Market settings form: the fields an operator edits, as text, over the stored "market" section. Saving writes
/// them into a copy of that section, so what the form does not show (strategy, hierarchy cells, losses) is kept.
/// </summary>
internal sealed class MarketInput
{
    public static readonly string[] Levels = ["cell", "community", "region"];

    public string Mechanism { get; set; } = "grid-only";
    public string Pricing { get; set; } = "equilibrium-interval";
    public string? K { get; set; }
    public string? PlatformFeePerKwh { get; set; }

    /// <summary>Grid fees per market level; only with a hierarchy (a flat market has no levels to charge for).</summary>
    public bool HasHierarchy { get; private set; }

    public Dictionary<string, LevelFeeInput> Fees { get; } = Levels.ToDictionary(l => l, _ => new LevelFeeInput());

    public static MarketInput From(JsonObject market)
    {
        var input = new MarketInput
        {
            Mechanism = market["mechanism"]?.GetValue<string>() ?? "grid-only",
            Pricing = market["pricing"]?.GetValue<string>() ?? "equilibrium-interval",
            K = market["k"]?.ToJsonString() ?? "0.5",
            PlatformFeePerKwh = market["platformFeePerKwh"]?.ToJsonString() ?? "0",
            HasHierarchy = market["hierarchy"] is JsonObject,
        };
        foreach (string level in Levels)
        {
            if (market["hierarchy"]?["fees"]?[level] is JsonObject fee)
            {
                (string kind, JsonNode? value) = fee["perKwh"] is { } perKwh ? (LevelFeeInput.PerKwh, perKwh) : (LevelFeeInput.Percent, fee["percent"]);
                input.Fees[level].Kind = kind;
                input.Fees[level].Value = value?.ToJsonString();
            }
        }
        return input;
    }

    /// <summary>The new section, or null when a number does not parse (the message is next to its input).</summary>
    public JsonObject? ToJson(JsonObject current, EditContext form, FormMessages messages)
    {
        var market = (JsonObject)current.DeepClone();
        messages.Register("mechanism", form.Field(nameof(Mechanism)));
        messages.Register("pricing", form.Field(nameof(Pricing)));
        messages.Register("k", form.Field(nameof(K)));
        messages.Register("platformFeePerKwh", form.Field(nameof(PlatformFeePerKwh)));
        market["mechanism"] = Mechanism;
        market["pricing"] = Pricing;
        bool ok = SetNumber(market, "k", K, form.Field(nameof(K)), messages, "give k from 0 to 1, e.g. 0.5");
        ok &= SetNumber(market, "platformFeePerKwh", PlatformFeePerKwh, form.Field(nameof(PlatformFeePerKwh)), messages, "give the fee in currency units per kWh, e.g. 0.01, or 0");
        if (HasHierarchy && market["hierarchy"] is JsonObject hierarchy)
        {
            var fees = new JsonObject();
            foreach (string level in Levels)
            {
                LevelFeeInput fee = Fees[level];
                var field = new FieldIdentifier(fee, nameof(LevelFeeInput.Value));
                messages.Register($"hierarchy.fees.{level}", field);
                if (fee.Kind != LevelFeeInput.None)
                {
                    var one = new JsonObject();
                    ok &= SetNumber(one, fee.Kind, fee.Value, field, messages, fee.Kind == LevelFeeInput.Percent ? "give a percentage of the trade price, e.g. 2" : "give the fee in currency units per kWh, e.g. 0.01");
                    fees[level] = one;
                }
            }
            hierarchy.Remove("fees");
            if (fees.Count > 0)
            {
                hierarchy["fees"] = fees;
            }
        }
        return ok ? market : null;
    }

    /// <summary>Parses an exact decimal (a dot for decimals) into the object; reports text that is no number.</summary>
    public static bool SetNumber(JsonObject target, string name, string? text, FieldIdentifier field, FormMessages messages, string fix)
    {
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal value))
        {
            target[name] = value;
            return true;
        }
        messages.Add(field, string.IsNullOrWhiteSpace(text) ? "is missing" : $"'{text}' is not a number", fix);
        return false;
    }
}

/// <summary>One level's grid fee: none, a constant per kWh, or a percentage of the trade price.</summary>
internal sealed class LevelFeeInput
{
    public const string None = "none";
    public const string PerKwh = "perKwh";
    public const string Percent = "percent";

    public string Kind { get; set; } = None;
    public string? Value { get; set; }
}
