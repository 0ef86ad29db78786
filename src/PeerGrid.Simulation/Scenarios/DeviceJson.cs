using System.Text;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Reading;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// One device or one household's preferences in the scenario file's JSON format, read and written on its own.
/// The platform stores and accepts devices in this format, so a device reads, validates and reports errors the
/// same way in a scenario file, in the REST API and in the database. Only built-in profiles can be referenced.
/// </summary>
public static class DeviceJson
{
    private static readonly ProfileCatalog BuiltInOnly = new([]);

    /// <summary>An appliance ({"template": "fridge", …} or written out in full), or null with the errors reported.</summary>
    public static Appliance? ReadAppliance(JsonElement e, string path, ValidationErrors errors) =>
        Checked(ApplianceReader.Read(e, path, errors, BuiltInOnly), errors, (a, p) => a.Validate(p, errors), path);

    public static Generator? ReadGenerator(JsonElement e, string path, ValidationErrors errors) =>
        Checked(GeneratorReader.Read(e, path, errors, BuiltInOnly), errors, (g, p) => g.Validate(p, errors), path);

    public static Battery? ReadBattery(JsonElement e, string path, ValidationErrors errors) =>
        Checked(BatteryReader.Read(e, path, errors), errors, (b, p) => b.Validate(p, errors), path);

    public static Preferences? ReadPreferences(JsonElement e, string path, ValidationErrors errors) =>
        Checked(PreferencesReader.Read(e, path, errors), errors, (x, p) => x.Validate(p, errors), path);

    /// <summary>The generator types ("solar-pv", "wind", "dispatchable", "profile").</summary>
    public static IReadOnlyList<string> GeneratorTypes => GeneratorReader.Types;

    public static string Write(Appliance a) => Serialize(w => ScenarioWriter.WriteAppliance(w, a));

    public static string Write(Generator g) => Serialize(w => ScenarioWriter.WriteGenerator(w, g));

    public static string Write(Battery b) => Serialize(w => ScenarioWriter.WriteBattery(w, b));

    public static string Write(Preferences p)
    {
        // The scenario writer writes preferences as a named property of a household; unwrap it.
        string wrapped = Serialize(w =>
        {
            w.WriteStartObject();
            ScenarioWriter.WritePreferences(w, p);
            w.WriteEndObject();
        });
        using JsonDocument doc = JsonDocument.Parse(wrapped);
        return doc.RootElement.GetProperty("preferences").GetRawText();
    }

    private static T? Checked<T>(T? value, ValidationErrors errors, Action<T, string> validate, string path)
        where T : class
    {
        if (value is null)
        {
            return null;
        }
        int before = errors.All.Count;
        validate(value, path);
        return errors.All.Count == before ? value : null;
    }

    private static string Serialize(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
