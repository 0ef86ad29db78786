using System.Globalization;
using System.Text.Json.Nodes;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>
/// Builds a device body in the scenario format from a form's text fields. A blank field is left out (the reader's
/// default applies, or it reports a missing required field); text that is not a number is sent as a string, so the
/// reader reports it under the field with its own message.
/// </summary>
internal static class FormJson
{
    public static void Number(JsonObject o, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        o[key] = double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? JsonValue.Create(value)
            : JsonValue.Create(text.Trim());
    }

    /// <summary>A money field: exact decimal, never through double.</summary>
    public static void Money(JsonObject o, string key, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
        {
            o[key] = value;
            return;
        }
        Text(o, key, text);
    }

    /// <summary>A whole number field (minutes); a fraction is sent as is and refused by the reader.</summary>
    public static void Whole(JsonObject o, string key, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            o[key] = value;
            return;
        }
        Number(o, key, text);
    }

    public static void Text(JsonObject o, string key, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            o[key] = text.Trim();
        }
    }

    /// <summary>How a number shows in a form field: invariant, shortest round-trip form.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
