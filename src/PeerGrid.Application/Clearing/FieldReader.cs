using System.Globalization;
using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Domain;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// Reads the fields of one JSON object of a book, reporting every problem at its path (<c>bids[2].price</c>) and
/// carrying on, so one pass finds every mistake. The names asked for are what <see cref="Finish"/> checks unknown
/// properties against. A JSON <c>null</c> counts as absent. (The scenario reader has a richer twin in
/// PeerGrid.Simulation; it is internal there, and books need only this much.)
/// </summary>
internal sealed class FieldReader
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private FieldReader(JsonElement element, string path, ValidationErrors errors)
    {
        Element = element;
        Path = path;
        Errors = errors;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public ValidationErrors Errors { get; }

    /// <summary>Opens <paramref name="element"/> as an object, or reports that it is not one and returns null.</summary>
    public static FieldReader? Open(JsonElement element, string path, ValidationErrors errors, string what, string example)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new FieldReader(element, path, errors);
        }
        errors.Add(Display(path), $"expected {what} as a JSON object {{ … }} but got {Describe(element)}", $"write {what} as an object, e.g. {example}");
        return null;
    }

    /// <summary>The path as shown to users: "(root)" for the document itself.</summary>
    public static string Display(string path) => path.Length == 0 ? "(root)" : path;

    public string At(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public void Error(string name, string problem, string fix) => Errors.Add(At(name), problem, fix);

    /// <summary>Whether the object has a non-null <paramref name="name"/>, without declaring the name allowed.</summary>
    public bool Contains(string name) => Element.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of an optional field; false if absent or null. Declares the name allowed.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        _known.Add(name);
        if (Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The raw value of a required field; reports it missing otherwise.</summary>
    public bool TryGetRequired(string name, string example, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }
        Error(name, "is missing", $"add \"{name}\": {example}");
        return false;
    }

    /// <summary>A required, non-blank string.</summary>
    public string? RequiredText(string name, string example)
    {
        if (!TryGetRequired(name, example, out JsonElement v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            TypeError(name, v, "a string", example);
            return null;
        }
        string s = v.GetString()!;
        if (string.IsNullOrWhiteSpace(s))
        {
            Error(name, "is empty", $"give a name, e.g. {example}");
            return null;
        }
        return s;
    }

    /// <summary>An optional string (null if absent or not a string; the latter is reported).</summary>
    public string? Text(string name, string example)
    {
        if (!TryGet(name, out JsonElement v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }
        TypeError(name, v, "a string", example);
        return null;
    }

    /// <summary>The raw text of a number field (JSON grammar), or null if absent or not a number (the latter reported).</summary>
    public string? NumberText(string name, string example, bool required)
    {
        bool present = required ? TryGetRequired(name, example, out JsonElement v) : TryGet(name, out v);
        if (!present)
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetRawText();
        }
        TypeError(name, v, "a number", example);
        return null;
    }

    public bool Bool(string name, bool defaultValue)
    {
        if (!TryGet(name, out JsonElement v))
        {
            return defaultValue;
        }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }
        string fix = v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out bool b) ? $"write {(b ? "true" : "false")} without quotes" : "write true or false";
        Error(name, $"expected true or false but got {Describe(v)}", fix);
        return defaultValue;
    }

    /// <summary>An array field: null if absent (reported when <paramref name="required"/>) or not an array (reported).</summary>
    public JsonElement? Array(string name, string example, bool required)
    {
        bool present = required ? TryGetRequired(name, example, out JsonElement v) : TryGet(name, out v);
        if (!present)
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Array)
        {
            return v;
        }
        Error(name, $"expected a list [ … ] but got {Describe(v)}", $"write a list, e.g. \"{name}\": {example}");
        return null;
    }

    /// <summary>
    /// Reports every property not asked for, with a "did you mean" hint or the allowed names. <paramref name="elsewhere"/>
    /// may explain a name that is valid in another kind of object (e.g. "slots" in an auction book).
    /// </summary>
    public void Finish(Func<string, string?>? elsewhere = null)
    {
        foreach (JsonProperty p in Element.EnumerateObject())
        {
            if (_known.Contains(p.Name))
            {
                continue;
            }
            string? explanation = elsewhere?.Invoke(p.Name);
            if (explanation is not null)
            {
                Errors.Add(At(p.Name), $"unknown property '{p.Name}' here: {explanation}", "remove it");
                continue;
            }
            string? near = Suggestions.Closest(p.Name, _known);
            string fix = near is not null
                ? $"did you mean '{near}'?"
                : $"remove it; allowed here: {string.Join(", ", _known.Order(StringComparer.Ordinal))}";
            Errors.Add(At(p.Name), $"unknown property '{p.Name}'", fix);
        }
    }

    public void TypeError(string name, JsonElement v, string expected, string example)
    {
        string? s = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string fix;
        if (expected == "a number" && s is not null && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            fix = double.IsFinite(d) ? $"write {s} without quotes" : $"JSON numbers are finite; NaN and Infinity are not values here, give a number, e.g. {example}";
        }
        else
        {
            fix = $"give {expected}, e.g. {example}";
        }
        Error(name, $"expected {expected} but got {Describe(v)}", fix);
    }

    /// <summary>What a value is, for "expected X but got Y" messages.</summary>
    // Shared with the scenario reader, so both describe values and report duplicate keys alike.
    public static string Describe(JsonElement v) => JsonText.Describe(v);

    public static void ReportDuplicateKeys(JsonElement e, string path, ValidationErrors errors) => JsonText.ReportDuplicateKeys(e, path, errors);
}
