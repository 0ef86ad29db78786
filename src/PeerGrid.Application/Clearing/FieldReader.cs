using System.Globalization;
using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Domain;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// Reads the fields of one JSON object of a book, reporting every problem at its path (<c>bids[2].price</c>) and
/// carrying on, so one pass finds every mistake. The names asked for are what <see cref="Finish"/> checks unknown
/// properties against. A JSON <c>null</c> counts as absent. Field tracking and unknown-property reports come from the
/// scenario reader's <see cref="ObjectReader"/>; this class adds the typed reads whose messages books use.
/// </summary>
internal sealed class FieldReader
{
    private readonly ObjectReader _fields;

    private FieldReader(ObjectReader fields) => _fields = fields;

    public JsonElement Element => _fields.Element;

    public string Path => _fields.Path;

    public ValidationErrors Errors => _fields.Errors;

    /// <summary>Opens <paramref name="element"/> as an object, or reports that it is not one and returns null.</summary>
    public static FieldReader? Open(JsonElement element, string path, ValidationErrors errors, string what, string example)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new FieldReader(ObjectReader.Open(element, path, errors, what)!);
        }
        errors.Add(Display(path), $"expected {what} as a JSON object {{ … }} but got {Describe(element)}", $"write {what} as an object, e.g. {example}");
        return null;
    }

    /// <summary>The path as shown to users: "(root)" for the document itself.</summary>
    public static string Display(string path) => path.Length == 0 ? "(root)" : path;

    public string At(string name) => _fields.At(name);

    public void Error(string name, string problem, string fix) => Errors.Add(At(name), problem, fix);

    /// <summary>Whether the object has a non-null <paramref name="name"/>, without declaring the name allowed.</summary>
    public bool Contains(string name) => Element.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of an optional field; false if absent or null. Declares the name allowed.</summary>
    public bool TryGet(string name, out JsonElement value) => _fields.TryGet(name, out value);

    /// <summary>The raw value of a required field; reports it missing otherwise.</summary>
    public bool TryGetRequired(string name, string example, out JsonElement value) => _fields.TryGetRequired(name, example, out value);

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
    public void Finish(Func<string, string?>? elsewhere = null) => _fields.Finish(elsewhere);

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
