using PeerGrid.Domain;

namespace PeerGrid.Web.Http;

/// <summary>ProblemDetails answers. Field errors read "problem — fix" under the field's path in the request body.</summary>
internal static class Problems
{
    public static IResult Validation(ValidationErrors errors)
    {
        var byField = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // Readers opened at the body's root ("") write nested paths as ".name": the body is the root, so drop the dot.
        foreach (IGrouping<string, ValidationError> g in errors.All.GroupBy(e => e.Path.TrimStart('.')))
        {
            byField[g.Key.Length == 0 ? "(body)" : g.Key] = [.. g.Select(e => $"{e.Problem} — {e.Fix}")];
        }
        return Results.ValidationProblem(byField, title: "The request has invalid fields.");
    }

    public static IResult Validation(string field, string problem, string fix)
    {
        var errors = new ValidationErrors();
        errors.Add(field, problem, fix);
        return Validation(errors);
    }

    public static IResult Conflict(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static IResult NotFound(string what) =>
        Results.Problem(title: $"No such {what}.", detail: $"There is no {what} with this id among yours.", statusCode: StatusCodes.Status404NotFound);
}
