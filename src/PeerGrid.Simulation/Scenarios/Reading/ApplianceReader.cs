using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// One appliance: written out in full ({"name", "kind", "ratedPowerKw", "isOn", "usage"}) or as
/// {"template": "fridge", …overrides} from the <see cref="ApplianceTemplates"/> library.
/// </summary>
internal static class ApplianceReader
{
    private static readonly IReadOnlySet<string> TemplateKey = new HashSet<string>(StringComparer.Ordinal) { "template" };

    public static Appliance? Read(JsonElement e, string path, ValidationErrors errors, ProfileCatalog profiles)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("template", out JsonElement t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.String)
            {
                errors.Add($"{path}.template", $"expected a string but got {JsonText.Describe(t)}", "name a template, e.g. \"fridge\"");
                return null;
            }
            string templateName = t.GetString()!;
            if (!ApplianceTemplates.TryGetJson(templateName, out JsonElement template))
            {
                errors.Add($"{path}.template", $"unknown appliance template '{templateName}'", $"{Suggestions.DidYouMean(templateName, ApplianceTemplates.Names)}use one of {Suggestions.List(ApplianceTemplates.Names)}, or describe the appliance with name, kind, ratedPowerKw and usage");
                return null;
            }
            e = JsonText.Merge(template, e, TemplateKey);
        }
        if (e.ValueKind == JsonValueKind.String)
        {
            errors.Add(path, $"expected an appliance as a JSON object but got {JsonText.Describe(e)}", $"to use a template write {{ \"template\": \"{e.GetString()}\" }}");
            return null;
        }
        ObjectReader? r = ObjectReader.Open(e, path, errors, "an appliance");
        if (r is null)
        {
            return null;
        }
        r.Allow("template");
        string? kind = r.RequiredString("kind", "\"sauna\" (a free label), or use \"template\"");
        string? name = r.String("name") ?? kind;
        double? rated = r.RequiredNumber("ratedPowerKw", "2.0 (kW while running)");
        bool isOn = r.Bool("isOn", true);
        UsagePattern? usage = null;
        if (r.TryGetRequired("usage", "{ \"type\": \"always-on\", \"dutyCycle\": 0.35 }", out JsonElement u))
        {
            usage = UsageReader.Read(u, r.At("usage"), errors, profiles);
            if (usage is null)
            {
                r.Fail();
            }
        }
        r.Finish();
        return r.Failed || kind is null || name is null || rated is null || usage is null
            ? null
            : new Appliance(name, kind, rated.Value, isOn, usage);
    }
}
