using System.Globalization;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// The market section as read: the mechanism, the pay-as-clear price convention and k, the optional market hierarchy,
/// the platform fee (currency units per kWh) and the households' order strategy with its parameters.
/// </summary>
internal sealed record MarketSection(
    string Mechanism,
    string Pricing,
    double K,
    MarketHierarchy? Hierarchy = null,
    decimal PlatformFeePerKwh = 0,
    string Strategy = MarketSettings.FixedStrategy,
    int Rounds = MarketSettings.DefaultRounds,
    double AdaptiveAlpha = MarketSettings.DefaultAdaptiveAlpha,
    double AdaptiveMargin = MarketSettings.DefaultAdaptiveMargin,
    decimal PlatformSubscriptionPerMonth = 0);

/// <summary>
/// "market": {"mechanism", "pricing", "k", "hierarchy", "platformFeePerKwh", "strategy", "rounds", "adaptiveAlpha",
/// "adaptiveMargin"}; the mechanism must be one this build supports. Households' "cell" references are checked against the hierarchy by <see cref="CheckCells"/> once the
/// households are read.
/// </summary>
internal static class MarketReader
{
    public const string DefaultMechanism = "grid-only";

    /// <summary>Fees are prices: at most this many currency units per kWh.</summary>
    private const decimal MaxFeePerKwh = 10;

    /// <summary>Most loss per level crossing accepted: beyond half the energy a "trade" would be mostly heat.</summary>
    public const double MaxLossPerLevel = 0.5;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

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
            r.Error("k", $"must be between 0 and 1 (got {k.ToString(Inv)})", "use 0.5 for the middle of the price interval, 0 for its low end, 1 for its high end");
        }
        decimal platformFee = r.Decimal("platformFeePerKwh", "0.005") is { } fee ? FeePerKwh(fee, "platformFeePerKwh", r) : 0;
        decimal subscription = r.Decimal("platformSubscriptionPerMonth", "5") is { } monthly ? Subscription(monthly, r) : 0;
        (string strategy, int rounds, double alpha, double margin) = ReadStrategy(r);
        MarketHierarchy? hierarchy = r.TryGet("hierarchy", out JsonElement he) ? ReadHierarchy(he, r.At("hierarchy"), r.Errors) : null;
        if (r.Has("hierarchy") && hierarchy is null)
        {
            r.Fail();
        }
        r.Finish();
        if (r.Failed)
        {
            root.Fail();
            return null;
        }
        if (context.SupportedMechanisms.Contains(mechanism))
        {
            return new MarketSection(mechanism, pricing, k, hierarchy, platformFee, strategy, rounds, alpha, margin, subscription);
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

    /// <summary>
    /// "strategy" (fixed, ramp, adaptive), "rounds" (ramp only, 1 … 100), "adaptiveAlpha" (adaptive only, 0 &lt; α ≤ 1)
    /// and "adaptiveMargin" (adaptive only, 0 … 1). A parameter of another strategy than the one chosen is an error, so a
    /// file never carries a setting that does nothing.
    /// </summary>
    private static (string Strategy, int Rounds, double Alpha, double Margin) ReadStrategy(ObjectReader r)
    {
        string? read = r.OneOf("strategy", MarketSettings.Strategies, required: false, $"\"{MarketSettings.RampStrategy}\"");
        // An unknown strategy is reported once; its parameters are not also blamed on it.
        bool known = read is not null || !r.Has("strategy");
        string strategy = read ?? MarketSettings.FixedStrategy;
        int? rounds = r.Int("rounds", "10");
        double? alpha = r.Number("adaptiveAlpha", "0.3");
        double? margin = r.Number("adaptiveMargin", "0.05");
        if (rounds is { } n && !(n is >= 1 and <= MarketSettings.MaxRounds))
        {
            r.Error("rounds", $"must be from 1 to {MarketSettings.MaxRounds} (got {n.ToString(Inv)})", "give the number of intra-slot rounds of the ramp, e.g. 10");
        }
        if (alpha is { } a && !(a > 0 && a <= 1))
        {
            r.Error("adaptiveAlpha", $"must be above 0 and at most 1 (got {a.ToString(Inv)})", "give the weight of the newest clearing price in the moving average, e.g. 0.3");
        }
        if (margin is { } m && !(m >= 0 && m <= 1))
        {
            r.Error("adaptiveMargin", $"must be between 0 and 1 (got {m.ToString(Inv)})", "give how far beyond its price estimate a household bids or offers, as a fraction, e.g. 0.05 for 5 %");
        }
        if (known)
        {
            OnlyFor(r, "rounds", rounds is not null, MarketSettings.RampStrategy, strategy);
            OnlyFor(r, "adaptiveAlpha", alpha is not null, MarketSettings.AdaptiveStrategy, strategy);
            OnlyFor(r, "adaptiveMargin", margin is not null, MarketSettings.AdaptiveStrategy, strategy);
        }
        return (strategy, rounds ?? MarketSettings.DefaultRounds, alpha ?? MarketSettings.DefaultAdaptiveAlpha, margin ?? MarketSettings.DefaultAdaptiveMargin);
    }

    private static void OnlyFor(ObjectReader r, string name, bool given, string wanted, string strategy)
    {
        if (given && strategy != wanted)
        {
            r.Error(name, $"applies only to the {wanted} strategy, but the strategy is '{strategy}'", $"set \"strategy\": \"{wanted}\", or remove \"{name}\"");
        }
    }

    /// <summary>
    /// With a hierarchy, every household names one of its cells; without one, no household names a cell. One error
    /// per unknown cell id (listing the households that use it), so a group of a thousand reports it once.
    /// </summary>
    public static void CheckCells(IReadOnlyList<Household> households, MarketSection market, ValidationErrors errors)
    {
        var byCell = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var withoutCell = new List<string>();
        var defined = new HashSet<string>(market.Hierarchy?.Cells.Select(c => c.Id) ?? [], StringComparer.Ordinal);
        foreach (Household h in households)
        {
            if (h.Cell is null)
            {
                withoutCell.Add(h.Id);
            }
            else if (!defined.Contains(h.Cell))
            {
                if (!byCell.TryGetValue(h.Cell, out List<string>? ids))
                {
                    byCell[h.Cell] = ids = [];
                }
                ids.Add(h.Id);
            }
        }
        if (market.Hierarchy is not { } hierarchy)
        {
            foreach ((string cell, List<string> ids) in byCell)
            {
                errors.Add("households", $"{Name(ids)} cell '{cell}', but the market has no hierarchy", "describe the cells under market.hierarchy (docs/scenarios.md#market-hierarchy), or remove \"cell\"");
            }
            return;
        }
        string[] known = [.. hierarchy.Cells.Select(c => c.Id)];
        foreach ((string cell, List<string> ids) in byCell)
        {
            errors.Add("households", $"{Name(ids)} cell '{cell}', which market.hierarchy.cells does not define", $"{Suggestions.DidYouMean(cell, known)}use one of {Suggestions.List(known)}, or add {{ \"id\": \"{cell}\" }} to market.hierarchy.cells");
        }
        if (withoutCell.Count > 0)
        {
            errors.Add("households", $"{Name(withoutCell)} no cell, but the market has a hierarchy", $"give each household (or its template) a \"cell\": one of {Suggestions.List(known)}");
        }
    }

    /// <summary>"household 'h01' names" or "households 'h01', 'h02', 'h03' and 297 more name".</summary>
    private static string Name(List<string> ids)
    {
        const int Shown = 3;
        string list = string.Join(", ", ids.Take(Shown).Select(i => $"'{i}'"));
        string more = ids.Count > Shown ? $" and {(ids.Count - Shown).ToString("N0", Inv)} more" : "";
        return ids.Count == 1 ? $"household {list} names" : $"households {list}{more} name";
    }

    private static MarketHierarchy? ReadHierarchy(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the market hierarchy");
        if (r is null)
        {
            return null;
        }
        List<HierarchyCommunity> communities = ReadList(r, "communities", "[{ \"id\": \"north\", \"region\": \"r1\" }]", ReadCommunity);
        List<HierarchyCell> cells = ReadList(r, "cells", "[{ \"id\": \"c1\", \"community\": \"north\" }]", ReadCell);
        if (!r.Has("cells"))
        {
            r.Error("cells", "is missing", "list the cells, e.g. \"cells\": [{ \"id\": \"c1\", \"community\": \"north\" }]");
        }
        else if (cells.Count == 0 && !r.Failed)
        {
            r.Error("cells", "the list is empty", "add at least one cell, e.g. { \"id\": \"c1\" }");
        }
        // Indices in these checks are the file's only when every item could be read.
        if (!r.Failed)
        {
            Unique(communities.Select(c => c.Id), "communities", "community", r);
            Unique(cells.Select(c => c.Id), "cells", "cell", r);
            string[] communityIds = [.. communities.Select(c => c.Id)];
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].Community is { } community && !communityIds.Contains(community))
                {
                    string declared = communityIds.Length == 0 ? "none are declared" : $"declared: {Suggestions.List(communityIds)}";
                    r.Error($"cells[{i}].community", $"unknown community '{community}' ({declared})", $"{Suggestions.DidYouMean(community, communityIds)}add {{ \"id\": \"{community}\" }} to \"communities\", or leave \"community\" out to use the single implicit community");
                }
            }
        }
        LevelFee? cellFee = null, communityFee = null, regionFee = null;
        if (r.TryGet("fees", out JsonElement fe))
        {
            ObjectReader? f = ObjectReader.Open(fe, r.At("fees"), errors, "the grid fees per level");
            if (f is null)
            {
                r.Fail();
            }
            else
            {
                cellFee = ReadFee(f, "cell");
                communityFee = ReadFee(f, "community");
                regionFee = ReadFee(f, "region");
                f.Finish();
                if (f.Failed)
                {
                    r.Fail();
                }
            }
        }
        double loss = r.Number("lossPerLevel", 0);
        if (!(loss >= 0 && loss <= MaxLossPerLevel))
        {
            r.Error("lossPerLevel", $"must be between 0 and {MaxLossPerLevel.ToString(Inv)} (got {loss.ToString(Inv)})", "give the fraction of energy lost per level crossing, e.g. 0.01 for 1 %");
        }
        r.Finish();
        return r.Failed ? null : new MarketHierarchy(cells, communities, cellFee, communityFee, regionFee, loss);
    }

    private static HierarchyCommunity? ReadCommunity(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a community");
        if (r is null)
        {
            return null;
        }
        string? id = r.RequiredString("id", "\"north\"");
        string? region = r.String("region", "\"r1\"");
        CheckId(id, "id", "community", r);
        CheckId(region, "region", "region", r);
        r.Finish();
        return r.Failed || id is null ? null : new HierarchyCommunity(id, region);
    }

    private static HierarchyCell? ReadCell(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a cell");
        if (r is null)
        {
            return null;
        }
        string? id = r.RequiredString("id", "\"c1\"");
        string? community = r.String("community", "\"north\"");
        double? import = Capacity(r, "importCapacityKw");
        double? export = Capacity(r, "exportCapacityKw");
        CheckId(id, "id", "cell", r);
        CheckId(community, "community", "community", r);
        r.Finish();
        return r.Failed || id is null ? null : new HierarchyCell(id, community, import, export);
    }

    private static double? Capacity(ObjectReader r, string name)
    {
        double? kw = r.Number(name, "50 (kW)");
        if (kw is { } v && !(v >= 0))
        {
            r.Error(name, $"must be ≥ 0 kW (got {v.ToString(Inv)})", "give the most power the cell may exchange with other cells, in kW, or leave it out for no limit");
        }
        return kw;
    }

    private static LevelFee? ReadFee(ObjectReader fees, string level)
    {
        if (!fees.TryGet(level, out JsonElement e))
        {
            return null;
        }
        ObjectReader? r = ObjectReader.Open(e, fees.At(level), fees.Errors, $"the {level} fee");
        if (r is null)
        {
            fees.Fail();
            return null;
        }
        decimal? perKwh = r.Decimal("perKwh", "0.01");
        decimal? percent = r.Decimal("percent", "2");
        if (perKwh is not null && percent is not null)
        {
            r.Error("percent", "a fee is either per kWh or a percentage, not both", "keep \"perKwh\" or \"percent\"");
        }
        else if (perKwh is null && percent is null && !r.Failed)
        {
            fees.Error(level, "gives neither \"perKwh\" nor \"percent\"", $"write e.g. \"{level}\": {{ \"perKwh\": 0.01 }} (currency per kWh) or {{ \"percent\": 2 }} (of the trade price)");
        }
        if (perKwh is { } p)
        {
            FeePerKwh(p, "perKwh", r);
        }
        if (percent is { } pc)
        {
            if (pc is < 0 or > 100)
            {
                r.Error("percent", $"must be between 0 and 100 (got {pc.ToString(Inv)})", "give the fee as a percentage of the trade price, e.g. 2 for 2 %");
            }
            else if (pc * 10_000 != decimal.Truncate(pc * 10_000))
            {
                r.Error("percent", $"{pc.ToString(Inv)} has more than 4 decimal places", "round the percentage to at most 4 decimal places (one part per million)");
            }
        }
        r.Finish();
        if (r.Failed)
        {
            fees.Fail();
            return null;
        }
        return new LevelFee(perKwh, percent);
    }

    /// <summary>A fee in currency units per kWh: 0 … 10, at most six decimals (prices are exact micro-units).</summary>
    /// <summary>Most monthly subscription accepted, currency units per household and month.</summary>
    public const decimal MaxSubscriptionPerMonth = 10_000;

    private static decimal Subscription(decimal value, ObjectReader r)
    {
        const string Name = "platformSubscriptionPerMonth";
        if (value is < 0 or > MaxSubscriptionPerMonth)
        {
            r.Error(Name, $"must be between 0 and {MaxSubscriptionPerMonth.ToString(Inv)} per household and month (got {value.ToString(Inv)})", "give the monthly fee in currency units, e.g. 5");
        }
        else if (value * 1_000_000 != decimal.Truncate(value * 1_000_000))
        {
            r.Error(Name, $"{value.ToString(Inv)} has more than 6 decimal places", "round the fee to at most 6 decimal places (0.000001 currency units)");
        }
        return value;
    }

    private static decimal FeePerKwh(decimal value, string name, ObjectReader r)
    {
        if (value is < 0 or > MaxFeePerKwh)
        {
            r.Error(name, $"must be between 0 and {MaxFeePerKwh.ToString(Inv)} per kWh (got {value.ToString(Inv)})", "give the fee in currency units per kWh, e.g. 0.01");
        }
        else if (value * 1_000_000 != decimal.Truncate(value * 1_000_000))
        {
            r.Error(name, $"{value.ToString(Inv)} has more than 6 decimal places", "round the fee to at most 6 decimal places (0.000001 currency units)");
        }
        return value;
    }

    private static void CheckId(string? id, string field, string what, ObjectReader r)
    {
        if (id is not null && !Ids.IsValid(id))
        {
            r.Error(field, $"'{id}' is not a valid {what} id", "use letters, digits, '-' and '_' only, starting with a letter or digit, at most 64 characters");
        }
    }

    private static void Unique(IEnumerable<string> ids, string list, string what, ObjectReader r)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (string id in ids)
        {
            if (!seen.Add(id))
            {
                r.Error($"{list}[{i}].id", $"'{id}' is already the id of another {what}", $"give every {what} a unique id");
            }
            i++;
        }
    }

    private static List<T> ReadList<T>(ObjectReader r, string name, string example, Func<JsonElement, string, ValidationErrors, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (!r.TryGetArray(name, out JsonElement array, example))
        {
            return items;
        }
        int i = 0;
        foreach (JsonElement e in array.EnumerateArray())
        {
            T? item = read(e, $"{r.At(name)}[{i++}]", r.Errors);
            if (item is null)
            {
                r.Fail();
            }
            else
            {
                items.Add(item);
            }
        }
        return items;
    }
}
