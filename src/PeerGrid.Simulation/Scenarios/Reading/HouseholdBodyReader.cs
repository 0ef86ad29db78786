using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// A household body: baseLoad, appliances, generators, batteries, preferences, connection limits and market cell. The same
/// reader serves listed households, template groups and the templates themselves; the domain's
/// <see cref="Household.Validate"/> (and the item Validate methods) apply the rules after mapping.
/// </summary>
internal sealed class HouseholdBodyReader(ProfileCatalog profiles)
{
    /// <summary>
    /// Maps <paramref name="body"/> to a household with id <paramref name="id"/>, reporting problems at
    /// <paramref name="path"/>. Returns null whenever it reported a problem. <paramref name="alsoAllowed"/> are
    /// names the surrounding entry reads (they are stripped from the body but count for "did you mean").
    /// </summary>
    public Household? Read(JsonElement body, string path, string id, ValidationErrors errors, IReadOnlyCollection<string> alsoAllowed)
    {
        ObjectReader? r = ObjectReader.Open(body, path, errors, "a household");
        if (r is null)
        {
            return null;
        }
        r.Allow([.. alsoAllowed]);
        BaseLoad? baseLoad = r.TryGet("baseLoad", out JsonElement bl) ? ReadBaseLoad(bl, r.At("baseLoad"), errors) : null;
        if (r.Has("baseLoad") && baseLoad is null)
        {
            r.Fail();
        }
        List<Appliance?> appliances = ReadList(r, "appliances", "[{ \"template\": \"fridge\" }]", (e, p) => ApplianceReader.Read(e, p, errors, profiles));
        List<Generator?> generators = ReadList(r, "generators", "[{ \"type\": \"solar-pv\", \"peakKw\": 6 }]", (e, p) => GeneratorReader.Read(e, p, errors, profiles));
        List<Battery?> batteries = ReadList(r, "batteries", "[{ \"capacityKwh\": 10 }]", (e, p) => BatteryReader.Read(e, p, errors));
        Preferences? preferences = r.TryGet("preferences", out JsonElement pe) ? PreferencesReader.Read(pe, r.At("preferences"), errors) : Preferences.Default;
        if (preferences is null)
        {
            r.Fail();
        }
        double? maxImport = r.Number("maxImportKw", "30 (kW)");
        double? maxExport = r.Number("maxExportKw", "10 (kW)");
        // Whether the cell exists is checked once the market and every household are read (MarketReader.CheckCells).
        string? cell = r.String("cell", "\"c1\"");
        if (cell is not null && !Ids.IsValid(cell))
        {
            r.Error("cell", $"'{cell}' is not a valid cell id", "use letters, digits, '-' and '_' only, starting with a letter or digit, at most 64 characters");
        }
        Wallet? wallet = r.TryGet("wallet", out JsonElement we) ? ReadWallet(we, r.At("wallet"), errors) : null;
        if (r.Has("wallet") && wallet is null)
        {
            r.Fail();
        }
        r.Finish();

        int before = errors.All.Count;
        if (!r.Failed && appliances.All(a => a is not null) && generators.All(g => g is not null) && batteries.All(b => b is not null))
        {
            var household = new Household(id, [.. appliances.OfType<Appliance>()], [.. generators.OfType<Generator>()], [.. batteries.OfType<Battery>()], preferences!, baseLoad, maxImport, maxExport, cell, wallet);
            household.Validate(path, errors);
            return errors.All.Count == before ? household : null;
        }
        // Some items could not be built: still check the ones that could, so one pass reports everything.
        ValidateEach(appliances, $"{path}.appliances", (a, p) => a.Validate(p, errors));
        ValidateEach(generators, $"{path}.generators", (g, p) => g.Validate(p, errors));
        ValidateEach(batteries, $"{path}.batteries", (b, p) => b.Validate(p, errors));
        new Household(id, [], [], [], preferences ?? Preferences.Default, baseLoad, maxImport, maxExport, cell, wallet).Validate(path, errors);
        return null;
    }

    /// <summary>"wallet": {"initialBalance", "creditLimit"}, both optional (0); the domain checks their ranges.</summary>
    private static Wallet? ReadWallet(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the wallet");
        if (r is null)
        {
            return null;
        }
        var wallet = new Wallet(r.Decimal("initialBalance", "50") ?? 0, r.Decimal("creditLimit", "0") ?? 0);
        r.Finish();
        return r.Failed ? null : wallet;
    }

    private BaseLoad? ReadBaseLoad(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the base load");
        if (r is null)
        {
            return null;
        }
        string profile = r.String("profile", $"\"{BuiltInProfiles.BdewH25}\"") ?? BuiltInProfiles.BdewH25;
        double? annual = r.RequiredNumber("annualKwh", "3500 (kWh per year)");
        profiles.CheckReference(profile, r.At("profile"), r);
        r.Finish();
        return r.Failed || annual is null ? null : new BaseLoad(profile, annual.Value);
    }

    private static List<T?> ReadList<T>(ObjectReader r, string name, string example, Func<JsonElement, string, T?> read)
        where T : class
    {
        var items = new List<T?>();
        if (!r.TryGetArray(name, out JsonElement array, example))
        {
            return items;
        }
        int i = 0;
        foreach (JsonElement e in array.EnumerateArray())
        {
            items.Add(read(e, $"{r.At(name)}[{i++}]"));
        }
        return items;
    }

    private static void ValidateEach<T>(List<T?> items, string path, Action<T, string> validate)
        where T : class
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                validate(item, $"{path}[{i}]");
            }
        }
    }
}
