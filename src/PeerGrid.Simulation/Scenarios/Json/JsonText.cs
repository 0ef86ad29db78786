using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PeerGrid.Domain;

namespace PeerGrid.Simulation.Scenarios.Json;

/// <summary>Small JSON utilities the scenario reader shares: describing a value, merging templates, finding repeated keys.</summary>
public static class JsonText
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    /// <summary>What a value is, for "expected X but got Y" messages: a string ("3"), a number (3), a list, …</summary>
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

    public static JsonElement Empty => EmptyObject;

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="target"/> by JSON Merge Patch (RFC 7396): objects merge key
    /// by key, every other value (number, string, list) replaces, null removes. One addition: an object whose
    /// "type" differs from the target's replaces it whole, so switching an appliance's usage from "always-on" to
    /// "time-windows" does not inherit a stray "dutyCycle". Keys in <paramref name="skip"/> are left out of the patch.
    /// Streams through a writer rather than JsonSerializer, so it works where reflection is disabled (AOT, trimming).
    /// </summary>
    public static JsonElement Merge(JsonElement target, JsonElement patch, IReadOnlySet<string>? skip = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMerged(writer, target, patch, skip);
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>A copy of <paramref name="obj"/> without the keys in <paramref name="skip"/>.</summary>
    public static JsonElement Without(JsonElement obj, IReadOnlySet<string> skip) => Merge(EmptyObject, obj, skip);

    private static void WriteMerged(Utf8JsonWriter w, JsonElement? target, JsonElement patch, IReadOnlySet<string>? skip)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            patch.WriteTo(w);
            return;
        }
        bool keepTarget = target is { ValueKind: JsonValueKind.Object } t && !TypeChanged(t, patch);
        var written = new HashSet<string>(StringComparer.Ordinal);
        w.WriteStartObject();
        if (keepTarget)
        {
            foreach (JsonProperty p in target!.Value.EnumerateObject())
            {
                if (!written.Add(p.Name))
                {
                    continue;
                }
                // TryGetProperty returns the last of repeated keys: later duplicates win, as in most JSON readers.
                bool patched = (skip is null || !skip.Contains(p.Name)) && patch.TryGetProperty(p.Name, out _);
                if (!patched)
                {
                    w.WritePropertyName(p.Name);
                    p.Value.WriteTo(w);
                }
                else if (patch.GetProperty(p.Name) is { ValueKind: not JsonValueKind.Null } value)
                {
                    w.WritePropertyName(p.Name);
                    WriteMerged(w, p.Value, value, null);
                }
            }
        }
        foreach (JsonProperty p in patch.EnumerateObject())
        {
            if ((skip is not null && skip.Contains(p.Name)) || !written.Add(p.Name))
            {
                continue;
            }
            JsonElement value = patch.GetProperty(p.Name);
            if (value.ValueKind != JsonValueKind.Null)
            {
                w.WritePropertyName(p.Name);
                WriteMerged(w, null, value, null);
            }
        }
        w.WriteEndObject();
    }

    private static bool TypeChanged(JsonElement target, JsonElement patch) =>
        patch.TryGetProperty("type", out JsonElement newType)
        && target.TryGetProperty("type", out JsonElement oldType)
        && newType.ValueKind == JsonValueKind.String
        && oldType.ValueKind == JsonValueKind.String
        && oldType.GetString() != newType.GetString();

    /// <summary>Reports every object key that appears twice (the later one would silently win otherwise).</summary>
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

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "…");

    public static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
