using System.Globalization;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Simulation.Scenarios.Variation;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// "templates" and "households". An entry is a household ({"id", …body}), a household from a template
/// ({"id", "template", …overrides}) or a group ({"template", "count", "idPrefix", "variation", …overrides}).
/// Overrides merge into the template by JSON Merge Patch. A problem inside a template is reported once, at
/// templates.&lt;name&gt;…, not again for every household that uses it.
/// </summary>
internal sealed class HouseholdListReader
{
    public const int MaxHouseholds = 1_000_000;

    public static readonly IReadOnlyList<string> EntryKeys = ["id", "template", "count", "idPrefix", "variation"];
    private static readonly HashSet<string> EntryKeySet = new(EntryKeys, StringComparer.Ordinal);
    private static readonly HashSet<string> TemplateKeySet = new(StringComparer.Ordinal) { "template", "id" };

    private readonly ObjectReader _root;
    private readonly HouseholdBodyReader _bodies;
    private readonly ulong _seed;
    private readonly Dictionary<string, JsonElement> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement?> _resolved = new(StringComparer.Ordinal);

    /// <summary>Per scenario template: every problem found in it, relative to its path, to recognise them again in its users.</summary>
    private readonly Dictionary<string, HashSet<string>> _templateProblems = new(StringComparer.Ordinal);

    public HouseholdListReader(ObjectReader root, ProfileCatalog profiles, ulong seed)
    {
        _root = root;
        _bodies = new HouseholdBodyReader(profiles);
        _seed = seed;
    }

    /// <summary>Own failure flag: unrelated problems elsewhere in the file must not stop duplicate-id checks here.</summary>
    private bool _failed;

    private ValidationErrors Errors => _root.Errors;

    private void Fail()
    {
        _failed = true;
        _root.Fail();
    }

    private void Error(string path, string problem, string fix)
    {
        Errors.Add(path, problem, fix);
        Fail();
    }

    /// <summary>The expanded households, or null if anything was wrong (all of it reported).</summary>
    public IReadOnlyList<Household>? Read()
    {
        ReadTemplates();
        List<Entry>? entries = ReadEntries();
        if (entries is null)
        {
            return null;
        }
        long total = entries.Sum(e => (long)e.Count);
        if (total > MaxHouseholds)
        {
            Error("households", $"the list expands to {total.ToString("N0", CultureInfo.InvariantCulture)} households, more than the {MaxHouseholds.ToString("N0", CultureInfo.InvariantCulture)} supported", "lower the groups' \"count\"");
            return null;
        }
        if (total == 0)
        {
            Error("households", "the list is empty", "add at least one household, e.g. { \"id\": \"h01\", \"template\": \"pv-home\" }");
            return null;
        }
        return _failed || entries.Any(e => e.Household is null) ? null : Expand(entries, (int)total);
    }

    // ---- templates ----

    private void ReadTemplates()
    {
        if (!_root.TryGet("templates", out JsonElement e))
        {
            return;
        }
        if (ObjectReader.Open(e, "templates", Errors, "the templates (a map from name to household body)") is null)
        {
            Fail();
            return;
        }
        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (Ids.Check(p.Name, $"templates.{p.Name}", "template", Errors))
            {
                _templates[p.Name] = p.Value;
            }
            else
            {
                Fail();
            }
        }
        foreach (string name in _templates.Keys)
        {
            ValidateTemplate(name);
        }
    }

    /// <summary>Reads template <paramref name="name"/> on its own (after its base), reporting its problems at templates.&lt;name&gt;.</summary>
    private HashSet<string> ValidateTemplate(string name)
    {
        if (_templateProblems.TryGetValue(name, out HashSet<string>? known))
        {
            return known;
        }
        var problems = new HashSet<string>(StringComparer.Ordinal);
        _templateProblems[name] = problems;
        string path = $"templates.{name}";
        JsonElement raw = _templates[name];
        HashSet<string> inherited = BaseName(raw) is { } b && _templates.ContainsKey(b) ? ValidateTemplate(b) : [];
        if (raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("id", out _))
        {
            Error($"{path}.id", "a template has no id", "remove \"id\"; the household entry that uses the template gives the id (or \"idPrefix\" for a group)");
        }
        JsonElement? body = Resolve(name, path, []);
        if (body is null)
        {
            Fail();
            return problems;
        }
        var found = new ValidationErrors();
        _bodies.Read(body.Value, path, "template", found, ["template"]);
        Report(found, path, inherited, problems);
        return problems;
    }

    private static string? BaseName(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("template", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>
    /// The template's body with its own base merged in (scenario templates first, then built-in ones), or null if it
    /// cannot be resolved (reported at <paramref name="referencePath"/>: unknown name, or a cycle).
    /// </summary>
    private JsonElement? Resolve(string name, string referencePath, List<string> chain)
    {
        if (!_templates.TryGetValue(name, out JsonElement raw))
        {
            if (HouseholdTemplates.TryGetJson(name, out JsonElement builtIn))
            {
                return builtIn;
            }
            IEnumerable<string> all = _templates.Keys.Concat(HouseholdTemplates.Names);
            string fix = $"{Suggestions.DidYouMean(name, all)}define it under \"templates\" or use a built-in one: {Suggestions.List(HouseholdTemplates.Names)}";
            Errors.Add(referencePath, $"unknown household template '{name}'", fix);
            return null;
        }
        if (_resolved.TryGetValue(name, out JsonElement? done))
        {
            return done;
        }
        if (chain.Contains(name))
        {
            Errors.Add(referencePath, $"templates refer to each other in a cycle: {string.Join(" → ", chain)} → {name}", "let one of them stand on its own (remove its \"template\")");
            return null;
        }
        JsonElement? result;
        if (raw.ValueKind != JsonValueKind.Object)
        {
            result = raw; // The body reader reports "expected a household as a JSON object".
        }
        else if (BaseName(raw) is { } baseName)
        {
            JsonElement? baseBody = Resolve(baseName, $"templates.{name}.template", [.. chain, name]);
            result = baseBody is { } bb ? JsonText.Merge(bb, raw, TemplateKeySet) : null;
        }
        else
        {
            result = JsonText.Without(raw, TemplateKeySet);
        }
        _resolved[name] = result;
        return result;
    }

    /// <summary>Adds <paramref name="found"/> to the scenario's errors, except those already reported for the template the body came from.</summary>
    private void Report(ValidationErrors found, string path, HashSet<string> alreadyReported, HashSet<string>? record)
    {
        foreach (ValidationError error in found.All)
        {
            string key = Relative(error, path);
            record?.Add(key);
            if (!alreadyReported.Contains(key))
            {
                Errors.Add(error.Path, error.Problem, error.Fix);
            }
        }
        if (!found.IsEmpty)
        {
            Fail();
        }
    }

    private static string Relative(ValidationError e, string prefix) =>
        (e.Path.StartsWith(prefix, StringComparison.Ordinal) ? e.Path[prefix.Length..] : e.Path) + "\u001f" + e.Problem;

    // ---- entries ----

    private sealed record Entry(string Path, Household? Household, string? Id, int Count, string IdPrefix, double Variation, bool IsGroup);

    private List<Entry>? ReadEntries()
    {
        if (!_root.TryGetRequired("households", "[{ \"id\": \"h01\", \"template\": \"pv-home\" }]", out JsonElement array))
        {
            return null;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error("households", $"expected a list [ … ] but got {JsonText.Describe(array)}", "write \"households\": [ { … }, { … } ]");
            return null;
        }
        var entries = new List<Entry>();
        int i = 0;
        foreach (JsonElement e in array.EnumerateArray())
        {
            // Broken entries stay in the list (without a household) so totals and "empty" checks stay truthful.
            Entry entry = ReadEntry(e, $"households[{i++}]");
            if (entry.Household is null)
            {
                Fail();
            }
            entries.Add(entry);
        }
        return entries;
    }

    private Entry ReadEntry(JsonElement e, string path)
    {
        ObjectReader? r = ObjectReader.Open(e, path, Errors, "a household");
        if (r is null)
        {
            return new Entry(path, null, null, 1, "", 0, false);
        }
        string? template = r.String("template", "\"pv-home\"");
        bool isGroup = r.Has("count");
        string? id = null;
        int count = 1;
        string prefix = "";
        double variation = 0;
        if (isGroup)
        {
            count = r.RequiredInt("count", "100") ?? 1;
            if (count is < 1 or > MaxHouseholds)
            {
                r.Error("count", $"must be from 1 to {MaxHouseholds.ToString("N0", CultureInfo.InvariantCulture)} (got {count})", "give the number of households in this group");
                count = 1;
            }
            prefix = r.String("idPrefix", "\"pvf-\"") ?? (template is null ? "" : template + "-");
            if (!r.Has("idPrefix") && template is null)
            {
                r.Error("idPrefix", "is missing: a group without a template needs it to name its households", "add \"idPrefix\": \"h-\"");
            }
            variation = r.Number("variation", HouseholdVariation.Default);
            if (variation is < 0 or > HouseholdVariation.Max)
            {
                r.Error("variation", $"must be from 0 to {HouseholdVariation.Max} (got {variation.ToString(CultureInfo.InvariantCulture)})", "use 0 for identical households or up to 0.5 for ±50 %");
            }
            if (r.Has("id"))
            {
                r.Error("id", "a group has no single id", "remove \"id\"; a group's ids are idPrefix + a number, e.g. \"pvf-001\"");
            }
            if (!Ids.IsValid($"{(prefix.Length == 0 ? "x" : prefix)}{new string('0', Width(count))}"))
            {
                r.Error("idPrefix", $"'{prefix}' is not a valid id prefix", "use letters, digits, '-' and '_' only, starting with a letter or digit, so that ids stay within 64 characters");
            }
        }
        else
        {
            id = r.RequiredString("id", "\"h01\"");
            if (id is not null)
            {
                CheckId(id, r, "id");
            }
            foreach (string groupOnly in (string[])["idPrefix", "variation"])
            {
                if (r.Has(groupOnly))
                {
                    r.Error(groupOnly, "applies only to a group of households", $"add \"count\" to make this entry a group, or remove \"{groupOnly}\"");
                }
            }
        }
        Household? household = ReadBody(e, path, template, id ?? prefix + "1".PadLeft(Width(count), '0'), r);
        return new Entry(path, r.Failed ? null : household, id, count, prefix, variation, isGroup);
    }

    private Household? ReadBody(JsonElement e, string path, string? template, string id, ObjectReader entry)
    {
        JsonElement body;
        HashSet<string> alreadyReported = [];
        if (template is not null)
        {
            if (Resolve(template, $"{path}.template", []) is not { } resolved)
            {
                entry.Fail();
                return null;
            }
            body = JsonText.Merge(resolved, e, EntryKeySet);
            alreadyReported = _templateProblems.GetValueOrDefault(template) ?? [];
        }
        else
        {
            body = JsonText.Without(e, EntryKeySet);
        }
        var found = new ValidationErrors();
        Household? household = _bodies.Read(body, path, id, found, EntryKeys);
        Report(found, path, alreadyReported, null);
        if (household is null)
        {
            entry.Fail();
        }
        return household;
    }

    private static void CheckId(string id, ObjectReader r, string field)
    {
        if (!Ids.IsValid(id))
        {
            r.Error(field, $"'{id}' is not a valid household id", "use letters, digits, '-' and '_' only, starting with a letter or digit, at most 64 characters");
        }
    }

    private static int Width(int count) => count.ToString(CultureInfo.InvariantCulture).Length;

    // ---- expansion ----

    private List<Household>? Expand(List<Entry> entries, int total)
    {
        var households = new List<Household>(total);
        var owners = new Dictionary<string, string>(total, StringComparer.Ordinal);
        foreach (Entry entry in entries)
        {
            Household body = entry.Household!;
            if (!entry.IsGroup)
            {
                if (owners.TryGetValue(entry.Id!, out string? owner))
                {
                    Error($"{entry.Path}.id", $"'{entry.Id}' is already the id of {owner}", "give every household a unique id");
                }
                owners.TryAdd(entry.Id!, entry.Path);
                households.Add(body);
                continue;
            }
            if (CheckLargest(entry))
            {
                ExpandGroup(entry, households, owners);
            }
        }
        return _failed ? null : households;
    }

    private void ExpandGroup(Entry entry, List<Household> households, Dictionary<string, string> owners)
    {
        string format = "D" + Width(entry.Count).ToString(CultureInfo.InvariantCulture);
        int collisions = 0;
        string? firstCollision = null;
        for (int k = 0; k < entry.Count; k++)
        {
            string id = entry.IdPrefix + (k + 1).ToString(format, CultureInfo.InvariantCulture);
            // The stream is keyed by the household's index in the expanded list, as the scenario format documents.
            DeterministicRandom random = DeterministicRandom.For(_seed, Streams.HouseholdVariation, (ulong)households.Count);
            households.Add(entry.Variation > 0 ? HouseholdVariation.Apply(entry.Household!, id, entry.Variation, random) : entry.Household! with { Id = id });
            if (!owners.TryAdd(id, $"{entry.Path} (expanded)"))
            {
                collisions++;
                firstCollision ??= $"'{id}' is already the id of {owners[id]}";
            }
        }
        if (firstCollision is not null)
        {
            string more = collisions > 1 ? $" ({collisions} ids of this group collide)" : "";
            Error($"{entry.Path}.idPrefix", $"expanded id {firstCollision}{more}", "choose an idPrefix no other household id starts with");
        }
    }

    /// <summary>Checks the group's largest variant once instead of every household (see <see cref="HouseholdVariation.Largest"/>).</summary>
    private bool CheckLargest(Entry entry)
    {
        if (entry.Variation == 0)
        {
            return true;
        }
        var found = new ValidationErrors();
        HouseholdVariation.Largest(entry.Household!, entry.Variation).Validate(entry.Path, found);
        string factor = (1 + entry.Variation).ToString(CultureInfo.InvariantCulture);
        foreach (ValidationError error in found.All)
        {
            Errors.Add(error.Path, $"with variation {entry.Variation.ToString(CultureInfo.InvariantCulture)} (values up to ×{factor}) a household could break a limit: {error.Problem}", $"lower \"variation\" at {entry.Path}, or the value itself");
        }
        if (!found.IsEmpty)
        {
            Fail();
        }
        return found.IsEmpty;
    }
}
