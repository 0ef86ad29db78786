using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Operator;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Operators;

/// <summary>The operator's user list searched by e-mail or name, ignoring case, and paged, on every provider.</summary>
public sealed class UserSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_MatchesPartOfTheEmailOrTheName_IgnoringCase(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        await RegisterAsync(app, "anna.berg@example.org", "Anna Berg");
        await RegisterAsync(app, "bob@sunny.example", "Robert Sonne");
        await RegisterAsync(app, "carla@example.org", "Carla 100%_Solar");

        Assert.Equal(["anna.berg@example.org"], await EmailsAsync(app, "BERG"));
        Assert.Equal(["bob@sunny.example"], await EmailsAsync(app, "sunny"));
        Assert.Equal(["bob@sunny.example"], await EmailsAsync(app, "rOBERT sO"));
        Assert.Equal(["anna.berg@example.org", "carla@example.org"], await EmailsAsync(app, "@EXAMPLE.org"));
        // % and _ are plain characters, not wildcards.
        Assert.Equal(["carla@example.org"], await EmailsAsync(app, "100%_"));
        Assert.Empty(await EmailsAsync(app, "a%b"));
        Assert.Empty(await EmailsAsync(app, "nobody"));
        // Blank is no search: every user.
        UsersPage all = await app.WithDbAsync(db => UserQueries.PageAsync(db, Now, 1, 10, "  ", CancellationToken.None));
        Assert.Equal(3, all.Total);
        Assert.Null(all.Search);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_PagesTheMatches_AndCountsOnlyThem(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        foreach (string e in (string[])["d@solar.example", "a@solar.example", "x@wind.example", "c@solar.example", "b@solar.example"])
        {
            await RegisterAsync(app, e, e.Split('@')[0]);
        }

        UsersPage first = await app.WithDbAsync(db => UserQueries.PageAsync(db, Now, 1, 2, "Solar", CancellationToken.None));
        UsersPage second = await app.WithDbAsync(db => UserQueries.PageAsync(db, Now, 2, 2, "Solar", CancellationToken.None));
        UsersPage third = await app.WithDbAsync(db => UserQueries.PageAsync(db, Now, 3, 2, "Solar", CancellationToken.None));

        Assert.Equal((4, 4, 4), (first.Total, second.Total, third.Total));
        Assert.Equal("Solar", first.Search);
        Assert.Equal(["a@solar.example", "b@solar.example"], first.Users.Select(u => u.Email));
        Assert.Equal(["c@solar.example", "d@solar.example"], second.Users.Select(u => u.Email));
        Assert.Empty(third.Users);
        // Each prosumer's row names their household's community.
        Assert.All(first.Users, u => Assert.False(string.IsNullOrEmpty(u.CommunityName)));
    }

    [Fact]
    public async Task TheApi_RefusesASearchLongerThan100Characters()
    {
        await using PlatformApp app = await PlatformApp.StartAsync(DatabaseProviders.Sqlite);
        HttpClient op = await OperatorClient.LoginAsync(app);
        HttpResponseMessage tooLong = await op.GetAsync("/api/operator/users?search=" + new string('a', 101));
        await Expect.StatusAsync(tooLong, 400);
        HttpResponseMessage ok = await op.GetAsync("/api/operator/users?search=OPERATOR");
        await Expect.StatusAsync(ok, 200);
    }

    private static async Task RegisterAsync(PlatformApp app, string email, string displayName)
    {
        await app.RegisterAsync(email);
        using IServiceScope scope = app.Services.CreateScope();
        UserManager<PlatformUser> users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        PlatformUser user = (await users.FindByEmailAsync(email))!;
        user.DisplayName = displayName;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private static async Task<List<string?>> EmailsAsync(PlatformApp app, string search) =>
        [.. (await app.WithDbAsync(db => UserQueries.PageAsync(db, Now, 1, 50, search, CancellationToken.None))).Users.Select(u => u.Email)];
}
