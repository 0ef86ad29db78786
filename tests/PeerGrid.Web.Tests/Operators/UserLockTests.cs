using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Operators;

/// <summary>The operator locks a user out and lets them in again; nobody else can, and not themselves.</summary>
public sealed class UserLockTests
{
    private const string Password = "Correct-horse-42";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ALockedUser_CannotLogIn_UntilUnlocked_AndTheListSaysSo(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient ada = await app.RegisterAsync(password: Password);
        string id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == ada.Email).Select(u => u.Id).SingleAsync());
        string stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp!).SingleAsync());

        await Expect.StatusAsync(await op.PostAsync($"/api/operator/users/{id}/lock", null), 204);
        await Expect.StatusAsync(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = ada.Email, password = Password }), 423);
        Assert.True(await LockedOutAsync(op, ada.Email));
        // Saved logins stop working: the security stamp changed.
        Assert.NotEqual(stampBefore, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp!).SingleAsync()));

        await Expect.StatusAsync(await op.PostAsync($"/api/operator/users/{id}/unlock", null), 204);
        await Expect.StatusAsync(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = ada.Email, password = Password }), 200);
        Assert.False(await LockedOutAsync(op, ada.Email));
    }

    [Fact]
    public async Task Unlocking_EndsALockoutAfterFailedLogins()
    {
        await using PlatformApp app = await PlatformApp.StartAsync(PeerGrid.Persistence.DatabaseProviders.Sqlite);
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient ada = await app.RegisterAsync(password: Password);
        HttpClient anonymous = app.Anonymous();
        for (int i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ada.Email, password = "Wrong-pass-000" });
        }
        await Expect.StatusAsync(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ada.Email, password = Password }), 423);
        string id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == ada.Email).Select(u => u.Id).SingleAsync());

        await Expect.StatusAsync(await op.PostAsync($"/api/operator/users/{id}/unlock", null), 204);
        await Expect.StatusAsync(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ada.Email, password = Password }), 200);
    }

    [Fact]
    public async Task AnOperatorCannotLockThemselves_AnUnknownUserIsNotFound_AndAProsumerMayNotLock()
    {
        await using PlatformApp app = await PlatformApp.StartAsync(PeerGrid.Persistence.DatabaseProviders.Sqlite);
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient ada = await app.RegisterAsync(password: Password);
        string operatorId = await app.WithDbAsync(async db =>
        {
            string roleId = await db.Roles.Where(r => r.Name == Roles.Operator).Select(r => r.Id).SingleAsync();
            return await db.UserRoles.Where(r => r.RoleId == roleId).Select(r => r.UserId).SingleAsync();
        });
        string adaId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == ada.Email).Select(u => u.Id).SingleAsync());

        await Expect.StatusAsync(await op.PostAsync($"/api/operator/users/{operatorId}/lock", null), 409);
        await Expect.StatusAsync(await op.PostAsync("/api/operator/users/no-such-user/lock", null), 404);
        await Expect.StatusAsync(await ada.Http.PostAsync($"/api/operator/users/{operatorId}/lock", null), 403);
        await Expect.StatusAsync(await ada.Http.PostAsync($"/api/operator/users/{adaId}/unlock", null), 403);
        using IServiceScope scope = app.Services.CreateScope();
        UserManager<PlatformUser> users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(operatorId))!));
    }

    private static async Task<bool> LockedOutAsync(HttpClient op, string email)
    {
        JsonElement page = await op.GetFromJsonAsync<JsonElement>("/api/operator/users?pageSize=500");
        return page.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("lockedOut").GetBoolean();
    }
}
