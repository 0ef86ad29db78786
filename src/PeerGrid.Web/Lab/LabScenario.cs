using PeerGrid.Application.Scenarios;
using PeerGrid.Domain;

namespace PeerGrid.Web.Lab;

/// <summary>
/// Reads a lab scenario: the scenario readers (the CLI's <c>validate</c>), with uploaded profile CSVs held in memory (no
/// path reaches the disk), then the lab's own limits, which keep one run's memory and time bounded on a shared host.
/// </summary>
public static class LabScenario
{
    public const int MaxHouseholds = 2_000;
    public const double MaxDays = 366;
    public const long MaxScenarioBytes = 1 << 20;
    public const long MaxProfileBytes = 5 << 20;
    public const int MaxProfiles = 8;

    /// <param name="profiles">Uploaded CSV texts by file name.</param>
    public static ScenarioFileResult Parse(string json, string sourceName, IReadOnlyDictionary<string, string> profiles)
    {
        if (json.Length > MaxScenarioBytes)
        {
            return ScenarioFileResult.Invalid(new ValidationError("scenario", $"has {json.Length:N0} characters, more than the lab's {MaxScenarioBytes:N0}", "shorten it, or run it with the CLI (peergrid run)"));
        }
        ScenarioFileResult loaded = ScenarioFiles.Parse(json, sourceName, profiles);
        if (!loaded.IsValid)
        {
            return loaded;
        }
        var errors = new List<ValidationError>();
        int households = loaded.Scenario!.Households.Count;
        if (households > MaxHouseholds)
        {
            errors.Add(new ValidationError("households", $"expands to {households:N0} households, more than the lab's {MaxHouseholds:N0}", "use fewer households, or run it with the CLI (peergrid run)"));
        }
        double days = (loaded.Scenario.HorizonDays ?? 0) + ((loaded.Scenario.HorizonHours ?? 0) / 24);
        if (days > MaxDays)
        {
            errors.Add(new ValidationError("horizon", $"covers {days:0.#} days, more than the lab's {MaxDays:0}", "shorten the horizon, or run it with the CLI (peergrid run)"));
        }
        return errors.Count == 0 ? loaded : ScenarioFileResult.Invalid([.. errors]);
    }
}
