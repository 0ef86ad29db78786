using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>Operator logins for tests: a user made an operator straight through Identity, then logged in over the API.</summary>
public static class OperatorClient
{
    public static async Task<HttpClient> LoginAsync(PlatformApp app)
    {
        string email = $"op{Guid.NewGuid():N}@example.org";
        const string password = "Operator-pass-42";
        using (IServiceScope scope = app.Services.CreateScope())
        {
            UserManager<PlatformUser> users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser { UserName = email, Email = email, DisplayName = "Test operator" };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Operator)).Succeeded);
        }
        HttpClient client = app.Anonymous();
        HttpResponseMessage login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await Expect.StatusAsync(login, 200);
        JsonElement token = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> StepAsync(HttpClient op)
    {
        HttpResponseMessage r = await op.PostAsync("/api/operator/clock/step", null);
        await Expect.StatusAsync(r, 200);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }
}
