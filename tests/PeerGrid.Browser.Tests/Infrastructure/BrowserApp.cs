using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Clock;

namespace PeerGrid.Browser.Tests.Infrastructure;

/// <summary>
/// The platform on a real loopback port (Kestrel) over its own SQLite file, with the demo community seeded and the
/// clock stopped: tests settle slots themselves through <see cref="StepAsync"/>. A minimal copy of the Web tests'
/// PlatformApp (kestrel mode), so the browser suite does not depend on another test project.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    private readonly string _folder;

    private BrowserApp(string folder) => _folder = folder;

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static BrowserApp Start()
    {
        string folder = Path.Combine(Path.GetTempPath(), "peergrid-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = new BrowserApp(folder);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "test.db")};Pooling=false;Default Timeout=60");
        builder.UseSetting("Platform:SeedDemo", "true");
        builder.UseSetting("Platform:ClockAutoStart", "false");
        builder.UseSetting("RateLimits:AuthPermitsPerMinute", "1000");
    }

    /// <summary>Settles the community's next slot, as the operator's step does.</summary>
    public async Task<SettledSlot> StepAsync()
    {
        long communityId = await WithDbAsync(db => db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        SettledSlot? settled = await Services.GetRequiredService<MarketClock>().StepAsync(communityId, CancellationToken.None);
        return settled ?? throw new InvalidOperationException("the clock settled nothing");
    }

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        using IServiceScope scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>An API client logged in with a bearer token as the given user (to set up data the pages show).</summary>
    public async Task<HttpClient> ApiAsync(string email, string password)
    {
        HttpClient client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Address, AllowAutoRedirect = false });
        HttpResponseMessage login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(200, (int)login.StatusCode);
        JsonElement token = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle may linger until finalisation; the temp folder is cleaned by the OS.
        }
    }
}
