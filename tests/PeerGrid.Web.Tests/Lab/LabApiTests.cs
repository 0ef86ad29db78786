using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using PeerGrid.Application.Runs;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Lab;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Lab;

/// <summary>The lab's downloads: the run's owner gets the CSV; another operator gets 404, a prosumer 403; the per-slot files add up to the daily series.</summary>
public sealed class LabApiTests
{
    [Fact]
    public async Task TheComparisonCsv_GoesToTheRunsOwnerOnly()
    {
        await using PlatformApp app = await PlatformApp.StartAsync(DatabaseProviders.Sqlite);
        HttpClient owner = await OperatorClient.LoginAsync(app);
        string ownerId;
        using (IServiceScope scope = app.Services.CreateScope())
        {
            ownerId = Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().GetUsersInRoleAsync(Roles.Operator)).Id;
        }
        HttpClient other = await OperatorClient.LoginAsync(app);
        UserClient prosumer = await app.RegisterAsync();
        var input = new LabScenarioInput { Days = 1, SlotMinutes = 60 };
        LabRun run = app.Services.GetRequiredService<LabRuns>().Start(ownerId, LabScenario.Parse(input.ToJson(null).Json, "lab form", new Dictionary<string, string>()).Scenario!, ["grid-only", "sdr"])!;
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        string url = LabApi.Link(run.Id, "comparison.csv");

        HttpResponseMessage ok = await owner.GetAsync(url);
        await Expect.StatusAsync(ok, 200);
        Assert.Equal("text/csv", ok.Content.Headers.ContentType?.MediaType);
        string[] lines = (await ok.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(["grid-only", "sdr"], lines[1..].Select(l => l.Split(',')[0]));
        await Expect.StatusAsync(await owner.GetAsync(LabApi.Link(run.Id, "mechanisms/sdr/days.csv")), 200);
        await Expect.StatusAsync(await owner.GetAsync(LabApi.Link(run.Id, "mechanisms/huang/days.csv")), 404);

        await Expect.StatusAsync(await other.GetAsync(url), 404);
        await Expect.StatusAsync(await prosumer.Http.GetAsync(url), 403);
        await Expect.StatusAsync(await app.Anonymous().GetAsync(url), 401);
    }

    [Fact]
    public async Task ThePerSlotDownloads_HaveOneRowPerSlot_AndAddUpToTheDailySeries()
    {
        await using PlatformApp app = await PlatformApp.StartAsync(DatabaseProviders.Sqlite);
        HttpClient owner = await OperatorClient.LoginAsync(app);
        string ownerId;
        using (IServiceScope scope = app.Services.CreateScope())
        {
            ownerId = Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().GetUsersInRoleAsync(Roles.Operator)).Id;
        }
        // Two June days in hourly slots: the PV homes' noon surplus is traded.
        var input = new LabScenarioInput { Days = 2, SlotMinutes = 60 };
        LabRun run = app.Services.GetRequiredService<LabRuns>().Start(ownerId, LabScenario.Parse(input.ToJson(null).Json, "lab form", new Dictionary<string, string>()).Scenario!, ["pay-as-clear"])!;
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        LabMechanismResult result = Assert.Single(run.Results);
        Assert.Equal(48, result.Slots.SlotCount);

        HttpResponseMessage csv = await owner.GetAsync(LabApi.Link(run.Id, "mechanisms/pay-as-clear/slots.csv"));
        await Expect.StatusAsync(csv, 200);
        string[] lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(LabSlotFiles.CsvHeader, lines[0]);
        string[][] rows = [.. lines[1..].Select(l => l.Split(','))];
        Assert.Equal(result.Slots.SlotCount, rows.Length);
        Assert.All(rows, r => Assert.Equal("pay-as-clear", r[0]));
        Assert.Equal(Enumerable.Range(0, 48).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[1]));
        IGrouping<string, string[]>[] byDay = [.. rows.GroupBy(r => r[2][..10])];
        Assert.Equal(result.Days.Count, byDay.Length);
        for (int d = 0; d < byDay.Length; d++)
        {
            DayTotals day = result.Days[d];
            Assert.Equal(day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byDay[d].Key);
            Assert.Equal(day.LoadKwh, byDay[d].Sum(r => Number(r[6])), 9);
            Assert.Equal(day.GenerationKwh, byDay[d].Sum(r => Number(r[7])), 9);
            Assert.Equal(day.ImportKwh, byDay[d].Sum(r => Number(r[8])), 9);
            Assert.Equal(day.ExportKwh, byDay[d].Sum(r => Number(r[9])), 9);
            Assert.Equal(day.PeerTradedKwh, byDay[d].Sum(r => Number(r[10])), 9);
        }
        Assert.True(result.Days.Sum(d => d.PeerTradedKwh) > 0, "peers traded");
        // A price exactly where energy was traded, between the grid's prices (pay-as-clear, no fees), give or take the
        // rounding of each trade's cost to the micro-unit (a few µ over a slot's small volume).
        const decimal Rounding = 0.00001m;
        Assert.All(rows, r => Assert.Equal(Number(r[10]) > 0, r[5].Length > 0));
        Assert.All(rows.Where(r => r[5].Length > 0), r => Assert.InRange(Money(r[5]), Money(r[4]) - Rounding, Money(r[3]) + Rounding));

        string[] all = (await (await owner.GetAsync(LabApi.Link(run.Id, "slots.csv"))).Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(lines, all);

        using JsonDocument json = JsonDocument.Parse(await owner.GetStringAsync(LabApi.Link(run.Id, "mechanisms/pay-as-clear/summary.json")));
        JsonElement slots = json.RootElement.GetProperty("slots");
        Assert.Equal(48, slots.GetProperty("p2pPrice").GetArrayLength());
        Assert.Equal(48, slots.GetProperty("loadKwh").GetArrayLength());
        Assert.Equal(result.Days.Sum(d => d.PeerTradedKwh), slots.GetProperty("peerTradedKwh").EnumerateArray().Sum(e => e.GetDouble()), 9);
        Assert.Equal(rows.Count(r => r[5].Length == 0), slots.GetProperty("p2pPrice").EnumerateArray().Count(e => e.ValueKind == JsonValueKind.Null));
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static decimal Money(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}
