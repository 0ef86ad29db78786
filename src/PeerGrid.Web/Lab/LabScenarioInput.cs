using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Forms;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Web.Lab;

/// <summary>How many households of one built-in template (<see cref="HouseholdTemplates"/>) the lab's form adds.</summary>
public sealed class TemplateCount
{
    public required string Template { get; init; }

    public int Count { get; set; }
}

/// <summary>
/// The lab's "build a scenario" form. It is turned into scenario JSON (<see cref="ToJson"/>) and read by the same
/// readers as an uploaded file, so the rules and messages are the scenario format's; the annotations only catch
/// what the browser can check before the round trip.
/// </summary>
public sealed class LabScenarioInput
{
    /// <summary>The profile id an uploaded CSV gets in a built scenario.</summary>
    public const string UploadedProfileId = "uploaded";

    [Required(ErrorMessage = "The name is missing — give the scenario a short name.")]
    [StringLength(64, ErrorMessage = "The name is longer than 64 characters — shorten it.")]
    public string Name { get; set; } = "lab-scenario";

    [Required(ErrorMessage = "The start date is missing — pick the first day to simulate.")]
    public DateOnly? StartDate { get; set; } = new(2025, 6, 2);

    [Range(1, 366, ErrorMessage = "The horizon must be from 1 to 366 days — change the number of days.")]
    public int Days { get; set; } = 7;

    [Required(ErrorMessage = "The time zone is missing — pick one, e.g. Europe/Berlin.")]
    public string TimeZone { get; set; } = "Europe/Berlin";

    public int SlotMinutes { get; set; } = 15;

    [Range(0, long.MaxValue, ErrorMessage = "The seed must be a whole number of 0 or more — change it.")]
    public long Seed { get; set; } = 42;

    public string Location { get; set; } = "berlin";

    [Range(typeof(decimal), "0", "100", ErrorMessage = "The import price must be from 0 to 100 per kWh — change it.")]
    public decimal ImportPrice { get; set; } = 0.32m;

    [Range(typeof(decimal), "0", "100", ErrorMessage = "The export price must be from 0 to 100 per kWh — change it.")]
    public decimal ExportPrice { get; set; } = 0.08m;

    public List<TemplateCount> Households { get; } =
        [.. HouseholdTemplates.Names.Select(t => new TemplateCount { Template = t, Count = t is "consumer" or "pv-home" ? 4 : t == "pv-battery-home" ? 2 : 0 })];

    /// <summary>What an uploaded profile CSV drives: "load" (a household's consumption) or "pv" (a generator's output).</summary>
    public string ProfileKind { get; set; } = "load";

    /// <summary>The CSV values' unit (<see cref="ProfileDeclaration.Units"/>).</summary>
    public string ProfileUnit { get; set; } = "W";

    [Range(0, LabScenario.MaxHouseholds, ErrorMessage = "The count must be from 0 to 2,000 — lower it.")]
    public int ProfileHouseholds { get; set; } = 2;

    /// <summary>
    /// The scenario JSON, and for each error path the form field it belongs to. <paramref name="profileFile"/> is the
    /// uploaded CSV's name, or null when none was uploaded (then no household follows a profile).
    /// </summary>
    public (string Json, IReadOnlyList<(string PathPrefix, FieldIdentifier Field)> Fields) ToJson(string? profileFile)
    {
        var fields = new List<(string, FieldIdentifier)>();
        var households = new JsonArray();
        // A negative count goes through, so the readers' message about it reaches the field.
        foreach (TemplateCount t in Households.Where(t => t.Count != 0))
        {
            fields.Add(($"households[{households.Count}]", new FieldIdentifier(t, nameof(TemplateCount.Count))));
            households.Add(new JsonObject { ["template"] = t.Template, ["count"] = t.Count, ["idPrefix"] = t.Template + "-" });
        }
        var root = new JsonObject
        {
            ["name"] = Name,
            ["seed"] = Seed,
            ["start"] = StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00",
            ["timeZone"] = TimeZone,
            ["horizon"] = new JsonObject { ["days"] = Days },
            ["slotMinutes"] = SlotMinutes,
            ["location"] = Location,
            ["tariff"] = new JsonObject { ["import"] = ImportPrice, ["export"] = ExportPrice },
            ["market"] = new JsonObject { ["mechanism"] = "grid-only" },
        };
        if (profileFile is not null && ProfileHouseholds > 0)
        {
            root["profiles"] = new JsonObject { [UploadedProfileId] = new JsonObject { ["file"] = profileFile, ["unit"] = ProfileUnit } };
            fields.Add(($"households[{households.Count}]", Field(nameof(ProfileHouseholds))));
            households.Add(ProfileKind == "pv" ? PvGroup() : LoadGroup());
        }
        root["households"] = households;
        fields.AddRange([
            ("name", Field(nameof(Name))),
            ("start", Field(nameof(StartDate))),
            ("horizon", Field(nameof(Days))),
            ("timeZone", Field(nameof(TimeZone))),
            ("slotMinutes", Field(nameof(SlotMinutes))),
            ("seed", Field(nameof(Seed))),
            ("location", Field(nameof(Location))),
            ("tariff.import", Field(nameof(ImportPrice))),
            ("tariff.export", Field(nameof(ExportPrice))),
            ("profiles", Field(nameof(ProfileKind)))
        ]);
        return (root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), fields);
    }

    private FieldIdentifier Field(string name) => new(this, name);

    // A measured consumption: the profile as the household's only demand.
    private JsonObject LoadGroup() => new()
    {
        ["count"] = ProfileHouseholds,
        ["idPrefix"] = "measured-load-",
        ["appliances"] = new JsonArray(new JsonObject
        {
            ["name"] = "Measured load",
            ["kind"] = "measured-load",
            ["ratedPowerKw"] = 0,
            ["usage"] = new JsonObject { ["type"] = "profile", ["profile"] = UploadedProfileId },
        }),
    };

    // A standard household whose generation follows the measured PV profile.
    private JsonObject PvGroup() => new()
    {
        ["template"] = "consumer",
        ["count"] = ProfileHouseholds,
        ["idPrefix"] = "measured-pv-",
        ["generators"] = new JsonArray(new JsonObject
        {
            ["type"] = "profile",
            ["name"] = "Measured PV",
            ["profile"] = UploadedProfileId,
            ["energyType"] = "solar",
        }),
    };
}
