using System.Text.Json;
using System.Text.RegularExpressions;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// What a prerendered Blazor Web App page hands its client for starting an interactive server circuit, read the way
/// blazor.web.js reads the document (.NET 10): the start comments <c>&lt;!--Blazor:{...}--&gt;</c> of components with
/// <c>"type":"server"</c>, in document order (end comments carry only a prerenderId and are skipped), and the
/// <c>&lt;!--Blazor-Server-Component-State:...--&gt;</c> comment with the components' persisted state.
/// </summary>
/// <param name="ServerMarkers">Each server component's marker JSON as the page wrote it.</param>
/// <param name="ServerState">The persisted state (base64), or "" when the page has none.</param>
internal sealed partial record PrerenderedPage(IReadOnlyList<string> ServerMarkers, string ServerState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<string>();
        foreach (Match m in MarkerComment().Matches(html))
        {
            using var doc = JsonDocument.Parse(m.Groups["json"].Value);
            if (doc.RootElement.TryGetProperty("type", out JsonElement type) && type.ValueEquals("server"))
            {
                markers.Add(m.Groups["json"].Value);
            }
        }
        Match state = StateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The operations batch blazor.web.js sends with UpdateRootComponents for a fresh page: one "add" per server
    /// component, numbered from 1 in document order, batch 1.
    /// </summary>
    public string AddOperations()
    {
        var operations = ServerMarkers.Select((marker, i) =>
            $$"""{"type":"add","ssrComponentId":{{i + 1}},"marker":{{marker}}}""");
        return $$"""{"batchId":1,"operations":[{{string.Join(",", operations)}}]}""";
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->", RegexOptions.CultureInvariant)]
    private static partial Regex StateComment();
}
