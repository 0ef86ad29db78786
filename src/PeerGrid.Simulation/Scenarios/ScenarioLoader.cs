using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Simulation.Scenarios.Reading;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (format: docs/scenarios.md, schema: docs/scenario.schema.json) into a validated,
/// fully expanded <see cref="Scenario"/>, or into every problem found in one pass. A user's mistake never
/// throws; only bugs and the caller's own unexpected exceptions do.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Comments and trailing commas are tolerated: scenario files are edited by hand.</summary>
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Grid emission factor used when the scenario gives none: Germany's 2023 mix (≈ 0.38 kg CO₂/kWh, Umweltbundesamt).</summary>
    public const double DefaultGridEmissionsKgPerKwh = 0.38;

    public const string DefaultCurrency = "EUR";

    /// <param name="json">The scenario text.</param>
    /// <param name="sourceName">Where it came from (a file name), used to locate syntax errors.</param>
    /// <param name="context">Profile loading, location presets and the mechanisms this build supports.</param>
    public static ScenarioLoadResult Load(TextReader json, string sourceName, ScenarioLoadContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ReadToEnd(), Options);
        }
        catch (JsonException ex)
        {
            return ScenarioLoadResult.Failure([SyntaxError(sourceName, ex)]);
        }
        using (document)
        {
            var errors = new ValidationErrors();
            JsonText.ReportDuplicateKeys(document.RootElement, "", errors);
            Scenario? scenario = Read(document.RootElement, errors, context);
            return errors.IsEmpty && scenario is not null ? ScenarioLoadResult.Success(scenario) : ScenarioLoadResult.Failure(errors.All);
        }
    }

    private static Scenario? Read(JsonElement rootElement, ValidationErrors errors, ScenarioLoadContext context)
    {
        ObjectReader? root = ObjectReader.Open(rootElement, "", errors, "the scenario");
        if (root is null)
        {
            return null;
        }
        // Editors use "$schema" to offer completion from docs/scenario.schema.json; the loader needs nothing from it.
        _ = root.String("$schema", "\"../docs/scenario.schema.json\"");
        string? name = root.RequiredString("name", "\"demo-10\"");
        if (name is { Length: 0 })
        {
            root.Error("name", "is empty", "give the scenario a short name, e.g. \"demo-10\"");
        }
        ulong seed = Seed(root);
        TimeSettings? time = TimeSettingsReader.Read(root);
        string currency = Currency(root);
        Location? location = LocationReader.Read(root, context);
        Tariff? tariff = TariffReader.Read(root);
        double emissions = root.Number("gridEmissionsKgPerKwh", DefaultGridEmissionsKgPerKwh);
        errors.Range("gridEmissionsKgPerKwh", emissions, 0, 2, "kg CO₂ per kWh");
        MarketSection? market = MarketReader.Read(root, context);
        Dictionary<string, ProfileDeclaration?> declarations = ProfilesReader.ReadDeclarations(root);
        IReadOnlyList<Household>? households = new HouseholdListReader(root, new ProfileCatalog(declarations.Keys), seed).Read();
        root.Finish();
        if (market is not null && households is not null)
        {
            MarketReader.CheckCells(households, market, errors);
        }
        if (households is not null)
        {
            PreferencesReader.CheckPreferredSellers(households, errors);
        }
        Dictionary<string, Profile> profiles = ProfilesReader.Load(declarations, context, errors);

        if (!errors.IsEmpty || name is null || time is null || location is null || tariff is null || market is null || households is null)
        {
            return null;
        }
        return new Scenario(
            name,
            seed,
            time.StartLocal,
            time.TimeZoneId,
            time.SlotMinutes,
            time.HorizonDays,
            time.HorizonHours,
            location,
            tariff,
            emissions,
            households,
            profiles,
            currency,
            market.Mechanism,
            declarations.ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal),
            market.Pricing,
            market.K,
            market.Hierarchy,
            market.PlatformFeePerKwh,
            market.Strategy,
            market.Rounds,
            market.AdaptiveAlpha,
            market.AdaptiveMargin,
            market.PlatformSubscriptionPerMonth);
    }

    private static ulong Seed(ObjectReader root)
    {
        if (!root.TryGet("seed", out JsonElement e))
        {
            return 0;
        }
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out ulong seed))
        {
            return seed;
        }
        root.Error("seed", $"expected a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)} but got {JsonText.Describe(e)}", "give a non-negative whole number, e.g. 42");
        return 0;
    }

    private static string Currency(ObjectReader root)
    {
        string? currency = root.String("currency", "\"EUR\"");
        if (currency is null)
        {
            return DefaultCurrency;
        }
        if (!CurrencyCode().IsMatch(currency))
        {
            root.Error("currency", $"'{currency}' is not a three-letter currency code", "use an ISO 4217 code in capitals, e.g. \"EUR\", \"NGN\", \"PKR\", \"GBP\"");
        }
        return currency;
    }

    private static ValidationError SyntaxError(string sourceName, JsonException ex)
    {
        // JsonException counts lines and byte positions from 0; editors count from 1.
        long line = (ex.LineNumber ?? 0) + 1;
        long position = (ex.BytePositionInLine ?? 0) + 1;
        string reason = ex.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut].TrimEnd();
        }
        return new ValidationError(
            $"{sourceName}:{line}:{position}",
            $"JSON syntax error at line {line}, position {position}: {reason}",
            "check for a missing comma, quote, colon or bracket at or just before this position");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
