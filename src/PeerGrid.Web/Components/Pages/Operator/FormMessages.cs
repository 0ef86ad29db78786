using Microsoft.AspNetCore.Components.Forms;
using PeerGrid.Domain;

namespace PeerGrid.Web.Components.Pages.Operator;

/// <summary>
/// Puts the server's field errors (<see cref="ValidationError"/>: path, problem, fix) next to the operator forms'
/// inputs. Each input registers the body path it fills; an error goes to the input whose path is the longest prefix of
/// the error's path ("hierarchy.fees.cell" takes "hierarchy.fees.cell.perKwh"); the rest are returned for the form's
/// alert.
/// </summary>
internal sealed class FormMessages(EditContext form)
{
    private readonly Dictionary<string, FieldIdentifier> _fields = new(StringComparer.Ordinal);
    private readonly ValidationMessageStore _store = new(form);

    public void Register(string path, FieldIdentifier field) => _fields[path] = field;

    public void Clear()
    {
        _store.Clear();
        _fields.Clear();
        form.NotifyValidationStateChanged();
    }

    /// <summary>A message of the page's own checks (before anything is sent).</summary>
    public void Add(FieldIdentifier field, string problem, string fix) => _store.Add(field, Text(problem, fix));

    /// <summary>Shows each error next to its input; returns the errors no input holds, as text.</summary>
    public List<string> Show(IEnumerable<ValidationError> errors)
    {
        var unplaced = new List<string>();
        foreach (ValidationError e in errors)
        {
            if (FieldFor(e.Path) is { } field)
            {
                _store.Add(field, Text(e.Problem, e.Fix));
            }
            else
            {
                unplaced.Add($"{e.Path}: {Text(e.Problem, e.Fix)}");
            }
        }
        form.NotifyValidationStateChanged();
        return unplaced;
    }

    public bool HasMessages => form.GetValidationMessages().Any();

    /// <summary>"Must be between 0 and 1 (got 2) — use 0.5 for the middle of the price interval."</summary>
    public static string Text(string problem, string fix) => $"{char.ToUpperInvariant(problem[0])}{problem[1..]} — {fix}.";

    private FieldIdentifier? FieldFor(string path)
    {
        for (string p = path; p.Length > 0; p = Parent(p))
        {
            if (_fields.TryGetValue(p, out FieldIdentifier field))
            {
                return field;
            }
        }
        return null;
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
