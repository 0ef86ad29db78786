using PeerGrid.Domain;

namespace PeerGrid.Cli;

/// <summary>Prints a user's mistakes as one line each: the file, the field, the problem and the fix. No stack traces.</summary>
internal static class ErrorReport
{
    public static int Invalid(TextWriter stderr, string file, IReadOnlyList<ValidationError> errors)
    {
        foreach (ValidationError e in errors)
        {
            stderr.WriteLine($"error: {file}: {e}");
        }
        stderr.WriteLine($"{file}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was run");
        return PeergridCommand.InvalidInput;
    }
}
