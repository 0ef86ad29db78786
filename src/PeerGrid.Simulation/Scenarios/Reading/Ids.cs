using System.Text.RegularExpressions;
using PeerGrid.Domain;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// The one rule for names the file defines (household ids, profile ids, template names): letters, digits, '-'
/// and '_', starting with a letter or digit, at most 64 characters. They appear in paths ("profiles.ev-load")
/// and in exported files, so they may not contain dots, spaces or brackets.
/// </summary>
internal static partial class Ids
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    public static bool Check(string id, string path, string what, ValidationErrors errors)
    {
        if (IsValid(id))
        {
            return true;
        }
        errors.Add(path, $"'{id}' is not a valid {what} name", "use letters, digits, '-' and '_' only, starting with a letter or digit (e.g. \"ev-load\")");
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();
}
