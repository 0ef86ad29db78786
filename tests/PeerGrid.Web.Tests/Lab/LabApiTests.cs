using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Lab;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Lab;

/// <summary>The lab's downloads: the run's owner gets the CSV; another operator gets 404, a prosumer 403.</summary>
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
}
