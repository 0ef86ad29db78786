using PeerGrid.Domain;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>
/// The scenario readers' errors for a device form, placed under the form's fields: an error goes to the field whose
/// JSON path is the longest prefix of the error's path ("usage.weekday[1].from" under "usage.weekday"); errors no
/// field holds (the whole device, the household's device limit) are listed at the top of the form.
/// </summary>
public sealed class FormErrors
{
    public static FormErrors None { get; } = new([], []);

    private readonly Dictionary<string, List<string>> _byField;

    private FormErrors(Dictionary<string, List<string>> byField, List<string> unplaced)
    {
        _byField = byField;
        Unplaced = unplaced;
    }

    public IReadOnlyList<string> Unplaced { get; }

    public bool IsEmpty => _byField.Count == 0 && Unplaced.Count == 0;

    public static FormErrors Place(ValidationErrors errors, IReadOnlyCollection<string> fieldPaths)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unplaced = new List<string>();
        foreach (ValidationError e in errors.All)
        {
            // Readers opened at the body's root write ".name"; the form's paths have no leading dot.
            string path = e.Path.TrimStart('.');
            string message = $"{e.Problem} — {e.Fix}";
            string? field = fieldPaths.Where(f => path == f || path.StartsWith(f + ".", StringComparison.Ordinal) || path.StartsWith(f + "[", StringComparison.Ordinal))
                .MaxBy(f => f.Length);
            if (field is null)
            {
                unplaced.Add(path.Length == 0 || path == "(body)" ? message : $"{path}: {message}");
                continue;
            }
            if (!byField.TryGetValue(field, out List<string>? list))
            {
                byField[field] = list = [];
            }
            list.Add(message);
        }
        return new FormErrors(byField, unplaced);
    }

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out List<string>? list) ? list : [];
}
