using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using PeerGrid.Domain;

namespace PeerGrid.Web.Components.Forms;

/// <summary>
/// Puts the server's field errors (the API's readers: path, problem, fix) under the form's fields, so a page shows
/// the same "problem — fix" messages the API answers. Errors of paths the form has no field for are returned as lines
/// for the page's alert.
/// </summary>
internal static class ServerErrors
{
    /// <summary>Shows <paramref name="errors"/> on <paramref name="form"/>; <paramref name="fields"/> maps a body path (e.g. "kwhPerSlot") to the model's property.</summary>
    public static List<string> Show(EditContext form, ValidationMessageStore store, ValidationErrors errors, IReadOnlyDictionary<string, string> fields)
    {
        var unplaced = new List<string>();
        foreach (ValidationError e in errors.All)
        {
            string message = Message(e);
            if (fields.TryGetValue(e.Path.TrimStart('.'), out string? property))
            {
                store.Add(form.Field(property), message);
            }
            else
            {
                unplaced.Add(message);
            }
        }
        form.NotifyValidationStateChanged();
        return unplaced;
    }

    /// <summary>"Problem — fix." with a capital first letter.</summary>
    public static string Message(ValidationError e) =>
        string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(e.Problem[0])}{e.Problem[1..]} — {e.Fix}.");

    /// <summary>An optional decimal typed in a field (invariant culture: "0.25"); false with an error when it is not a number.</summary>
    public static bool TryDecimal(string? text, string path, ValidationErrors errors, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
        {
            value = v;
            return true;
        }
        errors.Add(path, $"'{text}' is not a number", "type a number with a decimal point, e.g. 0.25");
        return false;
    }
}
