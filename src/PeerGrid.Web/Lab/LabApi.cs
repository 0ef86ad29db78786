using System.Security.Claims;
using System.Text;
using System.Text.Json;
using PeerGrid.Application.Runs;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Lab;

/// <summary>
/// Downloads of the scenario lab's results (operators; bearer or cookie): the comparison and each mechanism's results, as
/// CSV and JSON. A run is found only by the operator who started it and only while <see cref="LabRuns"/> keeps it.
/// </summary>
internal static class LabApi
{
    public static void MapLabApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/lab/runs/{id:guid}").WithTags("Lab").RequireAuthorization(PlatformSetup.OperatorPolicy);
        g.MapGet("/comparison.csv", (Guid id, ClaimsPrincipal user, LabRuns runs) =>
            Comparison(runs, user, id, run => File(CompareMechanisms.ToCsv(run.Comparison), "text/csv", $"{run.Scenario.Name}-comparison.csv")))
            .WithSummary("A finished comparison: the CLI's comparison.csv, one row per mechanism.");
        g.MapGet("/comparison.json", (Guid id, ClaimsPrincipal user, LabRuns runs) =>
            Comparison(runs, user, id, run => File(CompareMechanisms.ToJson(run.Comparison), "application/json", $"{run.Scenario.Name}-comparison.json")))
            .WithSummary("A finished comparison: the CLI's comparison.json.");
        g.MapGet("/slots.csv", (Guid id, ClaimsPrincipal user, LabRuns runs) =>
            runs.Find(CurrentUser.Id(user), id) is { State: LabRunState.Completed } run
                ? File(LabSlotFiles.ToCsv(run.Results), "text/csv", $"{run.Scenario.Name}-slots.csv")
                : Problems.NotFound("finished lab run"))
            .WithSummary("A finished run's per-slot series of every mechanism: one row per slot and mechanism (docs/lab.md).");
        g.MapGet("/mechanisms/{mechanism}/slots.csv", (Guid id, string mechanism, ClaimsPrincipal user, LabRuns runs) =>
            Result(runs, user, id, mechanism, (run, r) => File(LabSlotFiles.ToCsv([r]), "text/csv", $"{run.Scenario.Name}-{r.Mechanism}-slots.csv")))
            .WithSummary("One mechanism's per-slot series: energy in kWh, prices per kWh and the P2P price (docs/lab.md).");
        g.MapGet("/mechanisms/{mechanism}/days.csv", (Guid id, string mechanism, ClaimsPrincipal user, LabRuns runs) =>
            Result(runs, user, id, mechanism, (run, r) => File(DailyTotals.ToCsv(r.Days), "text/csv", $"{run.Scenario.Name}-{r.Mechanism}-days.csv")))
            .WithSummary("One mechanism's daily totals: energy in kWh, money in currency units.");
        g.MapGet("/mechanisms/{mechanism}/summary.json", (Guid id, string mechanism, ClaimsPrincipal user, LabRuns runs) =>
            Result(runs, user, id, mechanism, (run, r) => File(JsonSerializer.Serialize(Document(r), RunScenario.SummaryJson) + "\n", "application/json", $"{run.Scenario.Name}-{r.Mechanism}.json")))
            .WithSummary("One mechanism's results: the CLI's summary.json, the market's efficiencies, the daily totals and the per-slot series.");
    }

    /// <summary>The link a page offers for a download of <paramref name="file"/> ("comparison.csv", "mechanisms/sdr/days.csv").</summary>
    public static string Link(Guid id, string file) => $"/api/lab/runs/{id:D}/{file}";

    private static IResult Comparison(LabRuns runs, ClaimsPrincipal user, Guid id, Func<LabRun, IResult> send) =>
        runs.Find(CurrentUser.Id(user), id) is { State: LabRunState.Completed, IsComparison: true } run
            ? send(run)
            : Problems.NotFound("finished comparison");

    private static IResult Result(LabRuns runs, ClaimsPrincipal user, Guid id, string mechanism, Func<LabRun, LabMechanismResult, IResult> send) =>
        runs.Find(CurrentUser.Id(user), id) is { } run && run.ResultOf(mechanism) is { } result ? send(run, result) : Problems.NotFound("lab result");

    private static IResult File(string text, string contentType, string name) => Results.File(Encoding.UTF8.GetBytes(text), contentType, name);

    private static object Document(LabMechanismResult r) => new
    {
        r.Mechanism,
        r.Run.VolumeEfficiency,
        r.Run.WelfareEfficiency,
        r.Summary,
        r.Days,
        Slots = LabSlotFiles.Columns(r.Slots),
    };
}
