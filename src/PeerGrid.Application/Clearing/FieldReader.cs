using System.Globalization;
using System.Text.Json;
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
    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{Shorten(v.GetString() ?? "")}\")",
        JsonValueKind.Number => $"a number ({Shorten(v.GetRawText())})",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "a list [ … ]",
        JsonValueKind.Object => "an object { … }",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "…");

    /// <summary>Reports every object key given twice in the same object (the later one would silently win otherwise).</summary>
    public static void ReportDuplicateKeys(JsonElement e, string path, ValidationErrors errors)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in e.EnumerateObject())
            {
                string child = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                if (!seen.Add(p.Name))
                {
                    errors.Add(child, $"'{p.Name}' is given more than once in the same object", "keep one of them");
                }
                ReportDuplicateKeys(p.Value, child, errors);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement item in e.EnumerateArray())
            {
                ReportDuplicateKeys(item, $"{path}[{i++}]", errors);
            }
        }
    }
}

/// <summary>"Did you mean …?" hints: the closest candidate by edit distance, if close enough to be a likely typo.</summary>
internal static class Suggestions
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string[] all = [.. candidates];
        // A shortened or lengthened name ("energy" for "energyKwh") is a likelier intent than any edit-distance match.
        if (input.Length >= 3
            && all.Where(c => c.Contains(input, StringComparison.OrdinalIgnoreCase) || input.Contains(c, StringComparison.OrdinalIgnoreCase)).ToArray() is [string only])
        {
            return only;
        }
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in all)
        {
            int d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the length (at least 2) catches typos and transpositions without suggesting unrelated words.
        return bestDistance <= Math.Max(2, input.Length / 3) ? best : null;
    }

    /// <summary>"did you mean 'x'? " or "", to prefix a fix.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } s ? $"did you mean '{s}'? " : "";

    public static string List(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
