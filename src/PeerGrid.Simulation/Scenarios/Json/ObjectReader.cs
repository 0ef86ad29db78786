using System.Globalization;
using System.Text.Json;
using PeerGrid.Domain;

namespace PeerGrid.Simulation.Scenarios.Json;

/// <summary>
/// Reads the fields of one JSON object into typed values. Every problem (missing, wrong type, out of
/// representable range) is reported at the field's path and reading continues, so one pass finds every
/// mistake. Each field name asked for is remembered, which is what <c>Finish</c> checks unknown
/// properties against: the list of allowed names cannot drift from the code that reads them.
/// A JSON <c>null</c> counts as absent, so optional fields can be written out as null.
/// Public so that other readers of user JSON (the clearing service) share this bookkeeping.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "String, Int and Decimal name the JSON value kind each method reads.")]
public sealed class ObjectReader
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private ObjectReader(JsonElement element, string path, ValidationErrors errors)
    {
        Element = element;
        Path = path;
        Errors = errors;
    }

    public JsonElement Element { get; }

    /// <summary>This object's path ("" for the document root).</summary>
    public string Path { get; }

    public ValidationErrors Errors { get; }

    /// <summary>True once a field of this object was missing or of the wrong type (its owner cannot be built).</summary>
    public bool Failed { get; private set; }

    /// <summary>Opens <paramref name="element"/> as an object, or reports that it is not one and returns null.</summary>
    public static ObjectReader? Open(JsonElement element, string path, ValidationErrors errors, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DisplayPath(path), $"expected {what} as a JSON object {{ … }} but got {JsonText.Describe(element)}", $"write {what} as an object, e.g. {{ \"name\": … }}");
            return null;
        }
        return new ObjectReader(element, path, errors);
    }

    public string At(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Marks a field as failed from outside (a nested reader or a custom check found it unusable).</summary>
    public void Fail() => Failed = true;

    /// <summary>Reports a problem with field <paramref name="name"/> and marks this object failed.</summary>
    public void Error(string name, string problem, string fix)
    {
        Errors.Add(At(name), problem, fix);
        Failed = true;
    }

    /// <summary>Declares a name as allowed without reading it (read elsewhere, e.g. by the entry around a template body).</summary>
    public void Allow(params ReadOnlySpan<string> names)
    {
        foreach (string n in names)
        {
            _known.Add(n);
        }
    }

    public bool Has(string name)
    {
        _known.Add(name);
        return Element.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;
    }

    /// <summary>The raw value of an optional field; false if absent or null.</summary>
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

    /// <summary>The raw value of a required field; reports it missing otherwise. <paramref name="example"/> shows a valid value.</summary>
    public bool TryGetRequired(string name, string example, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }
        Error(name, "is missing", $"add \"{name}\": {example}");
        return false;
    }

    public string? String(string name, string? example = null) =>
        TryGet(name, out JsonElement v) ? AsString(name, v, example) : null;

    public string? RequiredString(string name, string example) =>
        TryGetRequired(name, example, out JsonElement v) ? AsString(name, v, example) : null;

    public double? Number(string name, string? example = null) =>
        TryGet(name, out JsonElement v) ? AsNumber(name, v, example) : null;

    public double Number(string name, double defaultValue) => Number(name, defaultValue.ToString(CultureInfo.InvariantCulture)) ?? defaultValue;

    public double? RequiredNumber(string name, string example) =>
        TryGetRequired(name, example, out JsonElement v) ? AsNumber(name, v, example) : null;

    public int? Int(string name, string? example = null) =>
        TryGet(name, out JsonElement v) ? AsInt(name, v, example) : null;

    public int Int(string name, int defaultValue) => Int(name, defaultValue.ToString(CultureInfo.InvariantCulture)) ?? defaultValue;

    public int? RequiredInt(string name, string example) =>
        TryGetRequired(name, example, out JsonElement v) ? AsInt(name, v, example) : null;

    /// <summary>A price or other money-like number read exactly as decimal (no binary rounding).</summary>
    public decimal? Decimal(string name, string? example = null) =>
        TryGet(name, out JsonElement v) ? AsDecimal(name, v, example) : null;

    public decimal? RequiredDecimal(string name, string example) =>
        TryGetRequired(name, example, out JsonElement v) ? AsDecimal(name, v, example) : null;

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
        string hint = v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out bool b) ? $"write {(b ? "true" : "false")} without quotes" : "write true or false";
        Error(name, $"expected true or false but got {JsonText.Describe(v)}", hint);
        return defaultValue;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (kebab-case enum values), or null if absent or invalid.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> allowed, bool required, string? example = null)
    {
        example ??= $"\"{allowed.First()}\"";
        string? s = required ? RequiredString(name, example) : String(name, example);
        if (s is null)
        {
            return null;
        }
        if (allowed.Contains(s))
        {
            return s;
        }
        Error(name, $"unknown value '{s}'", $"{Suggestions.DidYouMean(s, allowed)}use one of {Suggestions.List(allowed)}");
        return null;
    }

    /// <summary>An array field; reports a non-array value. Absent or null gives false without an error.</summary>
    public bool TryGetArray(string name, out JsonElement array, string example)
    {
        if (!TryGet(name, out array))
        {
            return false;
        }
        if (array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }
        Error(name, $"expected a list [ … ] but got {JsonText.Describe(array)}", $"write a list, e.g. \"{name}\": {example}");
        return false;
    }

    /// <summary>A list of numbers; null if absent or any element is not a number (each reported at its index).</summary>
    public double[]? NumberArray(string name, bool required, string example)
    {
        if (!Has(name))
        {
            if (required)
            {
                Error(name, "is missing", $"add \"{name}\": {example}");
            }
            return null;
        }
        if (!TryGetArray(name, out JsonElement array, example))
        {
            return null;
        }
        var values = new double[array.GetArrayLength()];
        int i = 0;
        bool ok = true;
        foreach (JsonElement item in array.EnumerateArray())
        {
            double? d = AsNumber($"{name}[{i}]", item, null);
            ok &= d.HasValue;
            values[i++] = d ?? 0;
        }
        return ok ? values : null;
    }

    /// <summary>Reports every property not asked for (with a "did you mean" hint). Call after reading all fields.</summary>
    public void Finish(string? extraHint = null) => Finish(null, extraHint);

    /// <summary>
    /// Reports every property not asked for, with a "did you mean" hint or the allowed names. <paramref name="elsewhere"/>
    /// may explain a name that is valid in another kind of object (e.g. "slots" in an auction book).
    /// </summary>
    public void Finish(Func<string, string?>? elsewhere, string? extraHint = null)
    {
        foreach (JsonProperty p in Element.EnumerateObject())
        {
            if (_known.Contains(p.Name))
            {
                continue;
            }
            if (elsewhere?.Invoke(p.Name) is { } explanation)
            {
                Errors.Add(At(p.Name), $"unknown property '{p.Name}' here: {explanation}", "remove it");
                continue;
            }
            string? near = Suggestions.Closest(p.Name, _known);
            string fix = near is not null
                ? $"did you mean '{near}'?"
                : $"remove it; allowed here: {string.Join(", ", _known.Order(StringComparer.Ordinal))}";
            Errors.Add(At(p.Name), $"unknown property '{p.Name}'{extraHint}", fix);
        }
    }

    private string? AsString(string name, JsonElement v, string? example)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }
        Error(name, $"expected a string but got {JsonText.Describe(v)}", example is null ? "put the value in double quotes" : $"write it as a string, e.g. {example}");
        return null;
    }

    private double? AsNumber(string name, JsonElement v, string? example)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            // TryGetDouble refuses values that overflow a double (1e400): JSON has no NaN or infinity.
            if (v.TryGetDouble(out double d) && double.IsFinite(d))
            {
                return d;
            }
            Error(name, $"the number {v.GetRawText()} is too large to represent", "use a realistic value in the unit this field takes");
            return null;
        }
        TypeError(name, v, "a number", example);
        return null;
    }

    private int? AsInt(string name, JsonElement v, string? example)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt32(out int i))
            {
                return i;
            }
            bool fractional = v.TryGetDouble(out double d) && double.IsFinite(d) && Math.Abs(d) < int.MaxValue;
            Error(name, fractional ? $"expected a whole number but got {v.GetRawText()}" : $"the number {v.GetRawText()} is out of range", fractional ? "drop the fraction" : "use a smaller whole number");
            return null;
        }
        TypeError(name, v, "a whole number", example);
        return null;
    }

    private decimal? AsDecimal(string name, JsonElement v, string? example)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetDecimal(out decimal m))
            {
                return m;
            }
            Error(name, $"the number {v.GetRawText()} is too large to represent", "use a realistic value in the unit this field takes");
            return null;
        }
        TypeError(name, v, "a number", example);
        return null;
    }

    private void TypeError(string name, JsonElement v, string expected, string? example)
    {
        string fix = v.ValueKind == JsonValueKind.String
            && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"write {v.GetString()} without quotes"
            : example is null ? $"give {expected}" : $"give {expected}, e.g. {example}";
        Error(name, $"expected {expected} but got {JsonText.Describe(v)}", fix);
    }

    /// <summary>The path as shown to users: the root is "(root)" rather than an empty string.</summary>
    public static string DisplayPath(string path) => path.Length == 0 ? "(root)" : path;
}
