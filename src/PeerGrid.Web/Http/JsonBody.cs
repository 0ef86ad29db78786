using System.Text.Json;
using PeerGrid.Domain;

namespace PeerGrid.Web.Http;

/// <summary>
/// Reads a request body as JSON without binding it to a type, so every mistake (not JSON, NaN, a wrong type, an
/// unknown or forbidden field such as ownerId or balance) is reported as a 400 with the field named, and nothing runs.
/// Fields are then read with the scenario reader's ObjectReader, which reports path, problem and fix.
/// </summary>
internal static class JsonBody
{
    /// <summary>Bodies above this are refused before parsing (device specs and orders are a few hundred bytes).</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<(JsonElement? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Validation("(body)", $"the body has {request.ContentLength} bytes, more than {MaxBytes}", "send a smaller JSON object"));
        }
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Validation("(body)", "the body is not JSON", "send the body as JSON with Content-Type: application/json"));
        }
        try
        {
            using JsonDocument doc = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancel);
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, Problems.Validation("(body)", $"the body is not valid JSON{where} (NaN and Infinity are not numbers in JSON)", "send a JSON object, e.g. {\"amount\": 10}"));
        }
    }

    /// <summary>The 400 for reader errors, or null when there are none.</summary>
    public static IResult? ProblemFor(ValidationErrors errors) => errors.IsEmpty ? null : Problems.Validation(errors);
}
