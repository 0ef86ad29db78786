using System.Text.Json;
using System.Text.Json.Nodes;
using PeerGrid.Application.Scenarios;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;

namespace PeerGrid.Web.Operator;

/// <summary>
/// Reading and replacing a section ("market" or "tariff") of the community's settings, in the scenario file's format:
/// the REST API (<see cref="SettingsApi"/>) and the Market settings page both come here. A new section is validated by
/// the scenario loader against the community's current households; a valid one is saved with a ConfigVersion bump in
/// one transaction, so the clock uses it from the next slot.
/// </summary>
internal static class SettingsCommands
{
    public const string Market = "market";
    public const string Tariff = "tariff";

    /// <summary>Mechanisms the live market offers: Bill Sharing bills per month and has no per-slot settlement.</summary>
    public static readonly IReadOnlyList<string> LiveMechanisms = ["grid-only", "pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "sdr", "mmr", "huang"];

    /// <summary>The section as stored (an empty object when the settings have none).</summary>
    public static async Task<JsonObject> SectionAsync(PlatformDbContext db, string section, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        return JsonNode.Parse(c.SettingsJson)?[section] is JsonObject node ? (JsonObject)node.DeepClone() : [];
    }

    /// <summary>
    /// Replaces the section with <paramref name="body"/>; the saved section, or the errors with paths relative to the
    /// section ("k", "import.periods[0].price"; "(body)" for the section as a whole) and nothing written.
    /// </summary>
    public static async Task<CommandResult<JsonNode>> ReplaceSectionAsync(PlatformDbContext db, string section, JsonElement body, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        JsonObject settings = JsonNode.Parse(c.SettingsJson)!.AsObject();
        settings[section] = JsonNode.Parse(body.GetRawText());
        var candidate = new CommunityRecord { Id = c.Id, Name = c.Name, SettingsJson = settings.ToJsonString(), EpochDate = c.EpochDate };
        List<StoredHousehold> households = await CommunityScenario.LoadHouseholdsAsync(db, c.Id, cancel);
        ScenarioFileResult check = CommunityScenario.Build(candidate, households, c.EpochDate, 1);
        var errors = new ValidationErrors();
        string prefix = section + ".";
        foreach (ValidationError e in check.Errors)
        {
            // Report fields relative to the body; problems elsewhere (a household the new cells do not cover) keep their path.
            string path = e.Path == section ? "(body)" : e.Path.StartsWith(prefix, StringComparison.Ordinal) ? e.Path[prefix.Length..] : e.Path;
            errors.Add(path, e.Problem, e.Fix);
        }
        if (check.IsValid && section == Market && !LiveMechanisms.Contains(check.Scenario!.Mechanism))
        {
            errors.Add("mechanism", $"'{check.Scenario.Mechanism}' settles per billing month, which the live market does not offer",
                $"use one of {string.Join(", ", LiveMechanisms)} (bill-sharing is available in the scenario lab)");
        }
        if (!errors.IsEmpty)
        {
            return CommandResult<JsonNode>.Refused(errors);
        }
        c.SettingsJson = settings.ToJsonString();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel);
        await Communities.TouchAsync(db, c.Id, cancel);
        await tx.CommitAsync(cancel);
        return CommandResult<JsonNode>.Done(settings[section]!);
    }
}
