using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>"profiles": {"&lt;id&gt;": {"file", "unit", "column", "cumulative", "allowNegative"}}, and loading them through the caller.</summary>
internal static class ProfilesReader
{
    /// <summary>
    /// Every declared id, mapped to its declaration, or to null if the declaration itself is broken (the id still
    /// counts as declared, so references to it do not add a second, misleading "unknown profile" error).
    /// </summary>
    public static Dictionary<string, ProfileDeclaration?> ReadDeclarations(ObjectReader root)
    {
        var declarations = new Dictionary<string, ProfileDeclaration?>(StringComparer.Ordinal);
        if (!root.TryGet("profiles", out JsonElement e))
        {
            return declarations;
        }
        if (ObjectReader.Open(e, "profiles", root.Errors, "the profiles (a map from id to declaration)") is null)
        {
            root.Fail();
            return declarations;
        }
        foreach (JsonProperty p in e.EnumerateObject())
        {
            string path = $"profiles.{p.Name}";
            declarations[p.Name] = Declaration(p.Name, p.Value, path, root.Errors);
        }
        return declarations;
    }

    private static ProfileDeclaration? Declaration(string id, JsonElement e, string path, ValidationErrors errors)
    {
        bool idOk = Ids.Check(id, path, "profile", errors);
        if (BuiltInProfiles.Ids.Contains(id))
        {
            errors.Add(path, $"'{id}' is a built-in profile and cannot be redeclared", "choose another id for your file");
            idOk = false;
        }
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a profile declaration");
        if (r is null)
        {
            return null;
        }
        string? file = r.RequiredString("file", "\"profiles/ev.csv\" (relative to the scenario file)");
        if (file is { Length: 0 })
        {
            r.Error("file", "is empty", "give the CSV file's path relative to the scenario file");
        }
        string? unit = r.OneOf("unit", ProfileDeclaration.Units, required: true, "\"kW\" (mean power per step) or \"kWh\" (energy per step)");
        string? column = r.String("column", "\"load_w\" (the header of the value column)");
        bool cumulative = r.Bool("cumulative", false);
        bool allowNegative = r.Bool("allowNegative", false);
        r.Finish();
        return r.Failed || !idOk || file is null || unit is null ? null : new ProfileDeclaration(id, file, unit, column, cumulative, allowNegative);
    }

    /// <summary>Loads each valid declaration; a file problem becomes an error at profiles.&lt;id&gt;.</summary>
    public static Dictionary<string, Profile> Load(IReadOnlyDictionary<string, ProfileDeclaration?> declarations, ScenarioLoadContext context, ValidationErrors errors)
    {
        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach ((string id, ProfileDeclaration? declaration) in declarations)
        {
            if (declaration is null)
            {
                continue;
            }
            try
            {
                profiles[id] = context.LoadProfile(declaration);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"profiles.{id}", ex.Message, $"check \"file\" (\"{declaration.File}\", relative to the scenario file), \"unit\" and \"column\"");
            }
        }
        return profiles;
    }
}
