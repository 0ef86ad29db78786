using System.Text.Json.Nodes;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Components.Pages.Devices;

namespace PeerGrid.Web.Components.Pages.Appliances;

/// <summary>
/// The appliance form: one text field per scenario-format field, per usage type. <see cref="ToJson"/> builds the body
/// the scenario reader validates ({"template": …} plus the fields when the appliance starts from a template).
/// Time windows are typed as "18:00-22:00, 06:30-07:30".
/// </summary>
public sealed class ApplianceForm
{
    /// <summary>Day names in the scenario format's order (bit 0 = Monday).</summary>
    public static readonly IReadOnlyList<string> DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The JSON paths the form has a field for; the readers' errors land under these.</summary>
    public static readonly IReadOnlyList<string> FieldPaths =
    [
        "template", "name", "kind", "ratedPowerKw", "usage", "usage.type", "usage.dutyCycle", "usage.periodMinutes", "usage.weekday",
        "usage.weekend", "usage.runMinutes", "usage.earliestStart", "usage.deadline", "usage.days", "usage.profile", "usage.scale",
    ];

    public string? Template { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? RatedPowerKw { get; set; }
    public bool IsOn { get; set; } = true;
    public string UsageType { get; set; } = "always-on";
    public string? DutyCycle { get; set; }
    public string? PeriodMinutes { get; set; }
    public string? Weekday { get; set; }
    public string? Weekend { get; set; }
    public string? RunMinutes { get; set; }
    public string? EarliestStart { get; set; }
    public string? Deadline { get; set; }
    public bool[] Days { get; } = [true, true, true, true, true, true, true];
    public string? Profile { get; set; }
    public string? Scale { get; set; }

    public static ApplianceForm FromTemplate(string template)
    {
        ApplianceForm form = From(ApplianceTemplates.Get(template));
        form.Template = template;
        return form;
    }

    public static ApplianceForm From(Appliance a)
    {
        var form = new ApplianceForm { Name = a.Name, Kind = a.Kind, RatedPowerKw = FormJson.Show(a.RatedPowerKw), IsOn = a.IsOn };
        switch (a.Usage)
        {
            case AlwaysOnUsage u:
                form.UsageType = "always-on";
                form.DutyCycle = FormJson.Show(u.DutyCycle);
                form.PeriodMinutes = FormJson.Show(u.PeriodMinutes);
                break;
            case TimeWindowUsage u:
                form.UsageType = "time-windows";
                form.Weekday = Windows(u.Weekday);
                form.Weekend = Windows(u.Weekend);
                break;
            case DeferrableUsage u:
                form.UsageType = "deferrable";
                form.RunMinutes = FormJson.Show(u.RunMinutes);
                form.EarliestStart = u.EarliestStart.ToString();
                form.Deadline = u.Deadline.ToString();
                for (int d = 0; d < 7; d++)
                {
                    form.Days[d] = (u.Days & (1 << d)) != 0;
                }
                break;
            case ProfileUsage u:
                form.UsageType = "profile";
                form.Profile = u.ProfileId;
                form.Scale = FormJson.Show(u.Scale);
                break;
            default:
                break;
        }
        return form;
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject();
        FormJson.Text(o, "template", Template);
        FormJson.Text(o, "name", Name);
        FormJson.Text(o, "kind", Kind);
        FormJson.Number(o, "ratedPowerKw", RatedPowerKw);
        o["isOn"] = IsOn;
        var usage = new JsonObject { ["type"] = UsageType };
        switch (UsageType)
        {
            case "always-on":
                FormJson.Number(usage, "dutyCycle", DutyCycle);
                FormJson.Whole(usage, "periodMinutes", PeriodMinutes);
                break;
            case "time-windows":
                WindowsJson(usage, "weekday", Weekday);
                WindowsJson(usage, "weekend", Weekend);
                break;
            case "deferrable":
                FormJson.Whole(usage, "runMinutes", RunMinutes);
                FormJson.Text(usage, "earliestStart", EarliestStart);
                FormJson.Text(usage, "deadline", Deadline);
                usage["days"] = new JsonArray([.. DayNames.Where((_, i) => Days[i]).Select(d => JsonValue.Create(d))]);
                break;
            default:
                FormJson.Text(usage, "profile", Profile);
                FormJson.Number(usage, "scale", Scale);
                break;
        }
        o["usage"] = usage;
        return o;
    }

    private static string Windows(IReadOnlyList<TimeWindow> windows) => string.Join(", ", windows.Select(w => $"{w.Start}-{w.End}"));

    /// <summary>"18:00-22:00, 06:30-07:30" as [{from, to}, …]; a part that is not "from-to" goes as text, which the reader refuses.</summary>
    private static void WindowsJson(JsonObject usage, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var array = new JsonArray();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            array.Add(ends.Length == 2 ? new JsonObject { ["from"] = ends[0], ["to"] = ends[1] } : JsonValue.Create(part));
        }
        usage[key] = array;
    }
}
