using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Application.Scenarios;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Platform;

/// <summary>A household with its devices as stored.</summary>
public sealed record StoredHousehold(HouseholdRecord Household, IReadOnlyList<ApplianceRecord> Appliances, IReadOnlyList<GeneratorRecord> Generators, IReadOnlyList<BatteryRecord> Batteries);

/// <summary>
/// Builds the scenario of a community as it is stored now: its settings (scenario format without households, start
/// and horizon) plus every household with its devices and preferences. The result goes through the same loader and
/// validator as a scenario file, so the live platform and the lab run identical models. Household ids in the
/// scenario are "h" + the database id.
/// </summary>
public static class CommunityScenario
{
    /// <summary>The scenario household id of a stored household.</summary>
    public static string ScenarioId(long householdId) => "h" + householdId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored household id of a scenario household id made by <see cref="ScenarioId"/>.</summary>
    public static long StoredId(string scenarioId) => long.Parse(scenarioId.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    public static async Task<List<StoredHousehold>> LoadHouseholdsAsync(PlatformDbContext db, long communityId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<HouseholdRecord> households = await db.Households.AsNoTracking().Where(h => h.CommunityId == communityId).OrderBy(h => h.Id).ToListAsync(cancel);
        var ids = households.Select(h => h.Id).ToList();
        ILookup<long, ApplianceRecord> apps = (await db.Appliances.AsNoTracking().Where(a => ids.Contains(a.HouseholdId)).OrderBy(a => a.Id).ToListAsync(cancel)).ToLookup(a => a.HouseholdId);
        ILookup<long, GeneratorRecord> gens = (await db.Generators.AsNoTracking().Where(a => ids.Contains(a.HouseholdId)).OrderBy(a => a.Id).ToListAsync(cancel)).ToLookup(a => a.HouseholdId);
        ILookup<long, BatteryRecord> bats = (await db.Batteries.AsNoTracking().Where(a => ids.Contains(a.HouseholdId)).OrderBy(a => a.Id).ToListAsync(cancel)).ToLookup(a => a.HouseholdId);
        return [.. households.Select(h => new StoredHousehold(h, [.. apps[h.Id]], [.. gens[h.Id]], [.. bats[h.Id]]))];
    }

    /// <summary>The scenario JSON for <paramref name="days"/> days from local midnight of <paramref name="start"/>.</summary>
    public static string ComposeJson(CommunityRecord community, IReadOnlyList<StoredHousehold> households, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(households);
        JsonObject root = JsonNode.Parse(community.SettingsJson)?.AsObject() ?? throw new InvalidDataException($"community {community.Id} has no settings");
        root["name"] = community.Name;
        root["start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00";
        root["horizon"] = new JsonObject { ["days"] = days };
        var list = new JsonArray();
        foreach (StoredHousehold s in households)
        {
            list.Add(HouseholdJson(s));
        }
        root["households"] = list;
        return root.ToJsonString();
    }

    /// <summary>Loads and validates the composed scenario (built-in profiles only).</summary>
    public static ScenarioFileResult Build(CommunityRecord community, IReadOnlyList<StoredHousehold> households, DateOnly start, int days) =>
        ScenarioFiles.Parse(ComposeJson(community, households, start, days), $"community {community.Id}", AppContext.BaseDirectory);

    public static JsonObject HouseholdJson(StoredHousehold s)
    {
        ArgumentNullException.ThrowIfNull(s);
        HouseholdRecord h = s.Household;
        var o = new JsonObject { ["id"] = ScenarioId(h.Id) };
        if (h.BaseLoadAnnualKwh > 0)
        {
            o["baseLoad"] = new JsonObject { ["profile"] = "bdew-h25", ["annualKwh"] = h.BaseLoadAnnualKwh };
        }
        o["appliances"] = Devices(s.Appliances);
        o["generators"] = Devices(s.Generators);
        o["batteries"] = Devices(s.Batteries);
        o["preferences"] = JsonNode.Parse(h.PreferencesJson);
        if (h.MaxImportKw is { } mi)
        {
            o["maxImportKw"] = mi;
        }
        if (h.MaxExportKw is { } me)
        {
            o["maxExportKw"] = me;
        }
        if (h.Cell is not null)
        {
            o["cell"] = h.Cell;
        }
        return o;
    }

    /// <summary>A device's spec with the name and switch from its columns.</summary>
    public static JsonObject DeviceJson(DeviceRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        JsonObject spec = JsonNode.Parse(d.SpecJson)?.AsObject() ?? [];
        spec["name"] = d.Name;
        spec["isOn"] = d.IsOn;
        return spec;
    }

    private static JsonArray Devices(IEnumerable<DeviceRecord> devices)
    {
        var array = new JsonArray();
        foreach (DeviceRecord d in devices)
        {
            array.Add(DeviceJson(d));
        }
        return array;
    }

    /// <summary>Parses stored JSON for the API's answers.</summary>
    public static JsonElement Element(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
