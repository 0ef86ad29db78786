using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Scenarios.ScenarioTestKit;

namespace PeerGrid.Simulation.Tests.Scenarios;

/// <summary>docs/scenario.schema.json must accept what the loader accepts, reject what it rejects, and stay documented.</summary>
public class ScenarioSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "scenario.schema.json"))).RootElement;

    private static List<string> Validate(string json) => new JsonSchemaSubset(Schema).Validate(JsonDocument.Parse(json).RootElement);

    private static IEnumerable<(string Key, JsonElement Value)> Walk(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in e.EnumerateObject())
            {
                yield return (p.Name, p.Value);
                foreach ((string, JsonElement) inner in Walk(p.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach ((string, JsonElement) inner in e.EnumerateArray().SelectMany(Walk))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Every schema object's keywords, skipping the names inside "properties", "$defs" and value positions.</summary>
    private static IEnumerable<string> SchemaKeywords(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (JsonProperty p in schema.EnumerateObject())
        {
            yield return p.Name;
            IEnumerable<JsonElement> children = p.Name switch
            {
                "properties" or "$defs" => p.Value.EnumerateObject().Select(c => c.Value),
                "oneOf" or "anyOf" => p.Value.EnumerateArray(),
                "items" or "not" or "additionalProperties" or "propertyNames" => [p.Value],
                _ => [],
            };
            foreach (string k in children.SelectMany(SchemaKeywords))
            {
                yield return k;
            }
        }
    }

    [Fact]
    public void Schema_IsDraft2020_12_AndUsesOnlyKeywordsTheTestValidatorKnows()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        string[] unknown = [.. SchemaKeywords(Schema).Distinct().Where(k => !JsonSchemaSubset.Keywords.Contains(k))];
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("demo-10.json")]
    [InlineData("bench-1000.json")]
    [InlineData("bench-100k.json")]
    public void SampleScenario_ConformsToTheSchema(string file)
    {
        Assert.Empty(Validate(File.ReadAllText(Path.Combine(RepositoryRoot(), "scenarios", file))));
    }

    [Fact]
    public void TestScenarioAndExpandedWriterOutput_ConformToTheSchema()
    {
        Assert.Empty(Validate(Minimal().ToJsonString()));
        Assert.Empty(Validate(ScenarioWriter.ToJson(Valid(LoadSample("demo-10.json")))));
        Assert.Empty(Validate(ScenarioWriter.ToJson(Valid(Load(Minimal())))));
    }

    [Theory]
    [InlineData("/households/0/batteries/0/capacityKwhh", "1")]
    [InlineData("/households/0/appliances/2/usage/type", "\"sometimes\"")]
    [InlineData("/households/2/id", "\"g\"")]
    [InlineData("/households/1/variation", "0.2")]
    [InlineData("/slotMinutes", "7")]
    [InlineData("/market/mechanism", "\"auction\"")]
    [InlineData("/households/0/appliances/0/template", "\"sauna\"")]
    [InlineData("/households/0/appliances/2/usage/weekend/0/from", "\"25:00\"")]
    [InlineData("/profiles/bdew-h25", "{ \"file\": \"a.csv\", \"unit\": \"kW\" }")]
    public void Schema_RejectsWhatTheLoaderRejects(string jsonPath, string value)
    {
        JsonObject s = Minimal();
        string[] parts = jsonPath.Trim('/').Split('/');
        JsonNode node = s;
        foreach (string part in parts[..^1])
        {
            node = int.TryParse(part, out int i) ? node[i]! : node[part]!;
        }
        node[parts[^1]] = JsonNode.Parse(value);

        Assert.NotEmpty(Validate(s.ToJsonString()));
        Assert.False(Load(s).IsValid);
    }

    [Fact]
    public void SchemaEnums_MatchTheLoadersLists()
    {
        JsonElement defs = Schema.GetProperty("$defs");
        string[] Enum(JsonElement e) => [.. e.GetProperty("enum").EnumerateArray().Select(v => v.ToString())];
        JsonElement templateRef = defs.GetProperty("appliance").GetProperty("oneOf")[1].GetProperty("properties").GetProperty("template");
        Assert.Equal(ApplianceTemplates.Names, Enum(templateRef));
        Assert.Equal(ScenarioLoadContext.KnownMechanisms, Enum(Schema.GetProperty("properties").GetProperty("market").GetProperty("properties").GetProperty("mechanism")));
        Assert.Equal(Enumerable.Range(1, 60).Where(m => 1440 % m == 0).Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)), Enum(Schema.GetProperty("properties").GetProperty("slotMinutes")));
    }

    [Fact]
    public void EveryPropertyInTheSchema_IsDocumented()
    {
        // A name counts as documented when it appears inside a `code span` (alone, dotted, or in an example).
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "scenarios.md"));
        string[] fenced = [.. Regex.Matches(docs, "```.*?```", RegexOptions.Singleline).Select(m => m.Value)];
        string inline = Regex.Replace(docs, "```.*?```", "", RegexOptions.Singleline);
        HashSet<string> documented = [.. fenced.Concat(Regex.Matches(inline, "`([^`]+)`").Select(m => m.Groups[1].Value)).SelectMany(c => Regex.Split(c, "[^A-Za-z0-9$]+"))];
        string[] names = [.. Walk(Schema).Where(p => p.Key == "properties").SelectMany(p => p.Value.EnumerateObject().Select(q => q.Name)).Distinct()];
        string[] undocumented = [.. names.Where(n => !documented.Contains(n))];
        Assert.Empty(undocumented);
    }
}
