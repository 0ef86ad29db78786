using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>
/// The platform host over its own fresh database (one per test, so tests never share state), with the demo seed and
/// the clock's auto-start off unless asked for. Clients talk to it in memory over https, like a browser would.
/// </summary>
public sealed class PlatformApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _db;
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _kestrel;

    private PlatformApp(TestDatabase db, Dictionary<string, string?> settings, bool kestrel)
    {
        _db = db;
        _settings = settings;
        _kestrel = kestrel;
    }

    public string Provider => _db.Provider;

    /// <summary>The loopback address Kestrel listens on (kestrel mode).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <param name="kestrel">Serve over a real loopback socket (streaming responses, browsers) instead of in memory.</param>
    public static async Task<PlatformApp> StartAsync(string provider, bool seedDemo = false, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        TestDatabase db = await TestDatabases.CreateAsync(provider);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Platform:SeedDemo"] = seedDemo ? "true" : "false",
            ["Platform:ClockAutoStart"] = "false",
            ["RateLimits:AuthPermitsPerMinute"] = "1000",
        };
        foreach ((string k, string? v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        var app = new PlatformApp(db, all, kestrel);
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else
        {
            _ = app.Server; // start now, so migrations and seeding run before the test
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach ((string k, string? v) in _settings)
        {
            builder.UseSetting(k, v);
        }
    }

    public HttpClient Anonymous() => _kestrel
        ? CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ServerAddress, AllowAutoRedirect = false })
        : CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>Registers a prosumer and returns a client carrying their bearer token.</summary>
    public async Task<UserClient> RegisterAsync(string? email = null, string password = "Correct-horse-42")
    {
        email ??= $"u{Guid.NewGuid():N}@example.org";
        HttpClient client = Anonymous();
        HttpResponseMessage reg = await client.PostAsJsonAsync("/api/auth/register", new { email, password });
        await Expect.StatusAsync(reg, 201);
        JsonElement created = await reg.Content.ReadFromJsonAsync<JsonElement>();
        HttpResponseMessage login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await Expect.StatusAsync(login, 200);
        JsonElement token = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return new UserClient(client, email, created.GetProperty("householdId").GetInt64());
    }

    /// <summary>A scope for direct database checks.</summary>
    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        using IServiceScope scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }
}

public sealed record UserClient(HttpClient Http, string Email, long HouseholdId);

public static class Expect
{
    /// <summary>Asserts the status, showing the body when it differs (the server's explanation).</summary>
    public static async Task StatusAsync(HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"expected {status} but got {(int)response.StatusCode}: {body}");
        }
    }
}
