using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PeerGrid.Simulation.Tests.Scenarios;

/// <summary>
/// A deliberately small JSON Schema (2020-12) validator for exactly the keywords docs/scenario.schema.json uses, so
/// tests can hold the schema to the loader without a package. <see cref="Keywords"/> is the whole vocabulary: a
/// test fails if the schema starts using anything else, rather than this validator silently ignoring it.
/// </summary>
internal sealed class JsonSchemaSubset(JsonElement root)
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$ref", "$defs", "title", "description", "default",
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "pattern", "minLength",
        "items", "minItems", "maxItems", "properties", "required", "additionalProperties", "propertyNames",
        "oneOf", "anyOf", "not",
    };

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private bool IsValid(JsonElement schema, JsonElement x)
    {
        var errors = new List<string>();
        Check(schema, x, "", errors);
        return errors.Count == 0;
    }

    private void Check(JsonElement schema, JsonElement x, string path, List<string> errors)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (schema.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: not allowed");
            }
            return;
        }
        foreach (JsonProperty k in schema.EnumerateObject())
        {
            JsonElement v = k.Value;
            switch (k.Name)
            {
                case "$ref":
                    Check(Resolve(v.GetString()!), x, path, errors);
                    break;
                case "type":
                    if (!(v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Any(t => IsType(x, t.GetString()!)) : IsType(x, v.GetString()!)))
                    {
                        errors.Add($"{path}: expected type {v.GetRawText()}, got {x.ValueKind}");
                    }
                    break;
                case "enum":
                    if (!v.EnumerateArray().Any(e => JsonElement.DeepEquals(e, x)))
                    {
                        errors.Add($"{path}: {x.GetRawText()} is not one of {v.GetRawText()}");
                    }
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(v, x))
                    {
                        errors.Add($"{path}: expected {v.GetRawText()}");
                    }
                    break;
                case "minimum" when x.ValueKind == JsonValueKind.Number && x.GetDecimal() < v.GetDecimal():
                case "maximum" when x.ValueKind == JsonValueKind.Number && x.GetDecimal() > v.GetDecimal():
                case "exclusiveMinimum" when x.ValueKind == JsonValueKind.Number && x.GetDecimal() <= v.GetDecimal():
                    errors.Add($"{path}: {x.GetRawText()} violates {k.Name} {v.GetRawText()}");
                    break;
                case "pattern" when x.ValueKind == JsonValueKind.String && !Regex.IsMatch(x.GetString()!, v.GetString()!):
                case "minLength" when x.ValueKind == JsonValueKind.String && x.GetString()!.Length < v.GetInt32():
                case "minItems" when x.ValueKind == JsonValueKind.Array && x.GetArrayLength() < v.GetInt32():
                case "maxItems" when x.ValueKind == JsonValueKind.Array && x.GetArrayLength() > v.GetInt32():
                    errors.Add($"{path}: violates {k.Name} {v.GetRawText()}");
                    break;
                case "items" when x.ValueKind == JsonValueKind.Array:
                    int i = 0;
                    foreach (JsonElement item in x.EnumerateArray())
                    {
                        Check(v, item, $"{path}[{i++}]", errors);
                    }
                    break;
                case "required" when x.ValueKind == JsonValueKind.Object:
                    foreach (JsonElement name in v.EnumerateArray())
                    {
                        if (!x.TryGetProperty(name.GetString()!, out _))
                        {
                            errors.Add($"{path}: missing {name.GetString()}");
                        }
                    }
                    break;
                case "properties" when x.ValueKind == JsonValueKind.Object:
                    foreach (JsonProperty p in x.EnumerateObject())
                    {
                        if (v.TryGetProperty(p.Name, out JsonElement sub))
                        {
                            Check(sub, p.Value, $"{path}.{p.Name}", errors);
                        }
                    }
                    break;
                case "additionalProperties" when x.ValueKind == JsonValueKind.Object:
                    JsonElement declared = schema.TryGetProperty("properties", out JsonElement d) ? d : default;
                    foreach (JsonProperty p in x.EnumerateObject())
                    {
                        if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(p.Name, out _))
                        {
                            Check(v, p.Value, $"{path}.{p.Name}", errors);
                        }
                    }
                    break;
                case "propertyNames" when x.ValueKind == JsonValueKind.Object:
                    foreach (JsonProperty p in x.EnumerateObject())
                    {
                        Check(v, JsonSerializer.SerializeToElement(p.Name), $"{path} (name '{p.Name}')", errors);
                    }
                    break;
                case "oneOf":
                    int matches = v.EnumerateArray().Count(s => IsValid(s, x));
                    if (matches != 1)
                    {
                        errors.Add($"{path}: matches {matches.ToString(CultureInfo.InvariantCulture)} of oneOf, not exactly 1");
                    }
                    break;
                case "anyOf":
                    if (!v.EnumerateArray().Any(s => IsValid(s, x)))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }
                    break;
                case "not":
                    if (IsValid(v, x))
                    {
                        errors.Add($"{path}: matches a schema it must not");
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        Assert.StartsWith(Prefix, reference, StringComparison.Ordinal);
        return root.GetProperty("$defs").GetProperty(reference[Prefix.Length..]);
    }

    private static bool IsType(JsonElement x, string type) => type switch
    {
        "object" => x.ValueKind == JsonValueKind.Object,
        "array" => x.ValueKind == JsonValueKind.Array,
        "string" => x.ValueKind == JsonValueKind.String,
        "number" => x.ValueKind == JsonValueKind.Number,
        "integer" => x.ValueKind == JsonValueKind.Number && x.TryGetDecimal(out decimal m) && m == decimal.Truncate(m),
        "boolean" => x.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => x.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"unknown type {type}"),
    };
}
