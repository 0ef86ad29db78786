using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Access;

/// <summary>
/// Every route under /api/me that takes an id, read from the app's own route table (so a new route is covered the day
/// it is added), is called by user B with user A's ids: each answers 404 and A's data stays exactly as it was.
/// </summary>
public sealed class CrossUserAccessTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Without this many id routes the route table was not read properly (the test must not pass on zero).</summary>
    private const int MinimumRoutes = 18;

    /// <summary>A valid body per method and route, so the answer is about ownership and not about the body.</summary>
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["PUT /api/me/appliances/{id}"] = """{"template": "tv"}""",
        ["PUT /api/me/generators/{id}"] = """{"type": "solar-pv", "peakKw": 3}""",
        ["PUT /api/me/batteries/{id}"] = """{"capacityKwh": 4}""",
        ["POST /api/me/appliances/{id}/switch"] = """{"isOn": false}""",
        ["POST /api/me/generators/{id}/switch"] = """{"isOn": false}""",
        ["POST /api/me/batteries/{id}/switch"] = """{"isOn": false}""",
    };

    /// <summary>
    /// Routes whose id is not a resource of A's: B adding a trader to B's own preferred list is allowed (it creates B's
    /// preference, not A's). They run last and still must leave A's data unchanged.
    /// </summary>
    private static readonly HashSet<string> NotOwnedByA = new(StringComparer.Ordinal) { "PUT /api/me/preferred-traders/{sellerHouseholdId}" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryIdRouteUnderApiMe_AnswersAnotherUser404_AndChangesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient a = await app.RegisterAsync();
        UserClient b = await app.RegisterAsync();
        UserClient c = await app.RegisterAsync();

        var ids = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["appliances"] = await CreateAsync(a, "/api/me/appliances", """{"template": "fridge"}"""),
            ["generators"] = await CreateAsync(a, "/api/me/generators", """{"type": "solar-pv", "peakKw": 5}"""),
            ["batteries"] = await CreateAsync(a, "/api/me/batteries", """{"capacityKwh": 10}"""),
            ["contracts"] = await CreateAsync(a, "/api/me/contracts", $$"""{"sellerHouseholdId": {{c.HouseholdId}}, "kwhPerSlot": 1, "pricePerKwh": 0.2}"""),
            ["orders"] = await CreateAsync(a, "/api/me/orders", """{"side": "bid", "slot": 3, "energyKwh": 1, "limitPrice": 0.3}"""),
            ["preferred-traders"] = c.HouseholdId,
        };
        await Api.ExpectAsync(a.Http, HttpMethod.Put, $"/api/me/preferred-traders/{c.HouseholdId}", null, 201);
        string before = await SnapshotAsync(a);
        long version = await Api.ConfigVersionAsync(app);

        List<(string Method, RouteEndpoint Endpoint)> routes = [.. IdRoutes(app)
            .OrderBy(r => NotOwnedByA.Contains(Key(r.Method, r.Endpoint)))
            .ThenBy(r => r.Endpoint.RoutePattern.RawText, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)];
        Assert.True(routes.Count >= MinimumRoutes, $"only {routes.Count} id routes under /api/me were found: {string.Join(", ", routes.Select(r => Key(r.Method, r.Endpoint)))}");

        var failures = new List<string>();
        int tried = 0;
        foreach ((string method, RouteEndpoint endpoint) in routes)
        {
            string key = Key(method, endpoint);
            string resource = endpoint.RoutePattern.PathSegments[2].Parts.OfType<RoutePatternLiteralPart>().Single().Content;
            if (!ids.TryGetValue(resource, out long id))
            {
                failures.Add($"{key}: no resource of A's for '{resource}' — add one to this test");
                continue;
            }
            string path = Path(endpoint.RoutePattern, id);
            HttpResponseMessage answer = await Api.SendAsync(b.Http, new HttpMethod(method), path, Bodies.GetValueOrDefault(key));
            tried++;
            int status = (int)answer.StatusCode;
            if (NotOwnedByA.Contains(key))
            {
                if (status >= 500)
                {
                    failures.Add($"{key} ({path}) answered {status}");
                }
                continue;
            }
            if (status != 404)
            {
                failures.Add($"{key} ({path}) answered {status}: {await answer.Content.ReadAsStringAsync()}");
            }
            if (await Api.ConfigVersionAsync(app) != version)
            {
                failures.Add($"{key} ({path}) moved the community's ConfigVersion");
                version = await Api.ConfigVersionAsync(app);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried >= MinimumRoutes, $"only {tried} routes were tried");
        Assert.Equal(before, await SnapshotAsync(a));
    }

    private static IEnumerable<(string Method, RouteEndpoint Endpoint)> IdRoutes(PlatformApp app)
    {
        EndpointDataSource source = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (RouteEndpoint e in source.Endpoints.OfType<RouteEndpoint>())
        {
            string raw = e.RoutePattern.RawText ?? "";
            bool hasId = e.RoutePattern.Parameters.Any(p => p.Name == "id" || p.Name.EndsWith("Id", StringComparison.Ordinal));
            if (!raw.StartsWith("/api/me/", StringComparison.Ordinal) || !hasId)
            {
                continue;
            }
            IEnumerable<string> methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (string m in methods)
            {
                yield return (m, e);
            }
        }
    }

    /// <summary>"METHOD /path/{name}" with route constraints dropped.</summary>
    private static string Key(string method, RouteEndpoint e)
    {
        var sb = new StringBuilder();
        foreach (RoutePatternPathSegment segment in e.RoutePattern.PathSegments)
        {
            sb.Append('/');
            foreach (RoutePatternPart part in segment.Parts)
            {
                sb.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternParameterPart p => "{" + p.Name + "}",
                    _ => "",
                });
            }
        }
        return $"{method} {sb}";
    }

    private static string Path(RoutePattern pattern, long id)
    {
        var sb = new StringBuilder();
        foreach (RoutePatternPathSegment segment in pattern.PathSegments)
        {
            sb.Append('/');
            foreach (RoutePatternPart part in segment.Parts)
            {
                sb.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternParameterPart => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "",
                });
            }
        }
        return sb.ToString();
    }

    private static async Task<long> CreateAsync(UserClient user, string path, string body) =>
        (await Api.ExpectAsync(user.Http, HttpMethod.Post, path, body, 201)).GetProperty("id").GetInt64();

    /// <summary>Everything A can see of A's own data.</summary>
    private static async Task<string> SnapshotAsync(UserClient a)
    {
        var sb = new StringBuilder();
        foreach (string path in new[] { "/api/me/appliances", "/api/me/generators", "/api/me/batteries", "/api/me/contracts", "/api/me/orders", "/api/me/preferred-traders", "/api/me/household", "/api/me/preferences", "/api/me/wallet" })
        {
            JsonElement e = await Api.ExpectAsync(a.Http, HttpMethod.Get, path, null, 200);
            sb.Append(path).Append(' ').Append(e.GetRawText()).Append('\n');
        }
        return sb.ToString();
    }
}
