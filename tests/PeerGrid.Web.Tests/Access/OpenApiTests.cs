using System.Text.Json;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Access;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocument_ListsThePlatformRoutes()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        JsonElement doc = await Api.ExpectAsync(app.Anonymous(), HttpMethod.Get, "/openapi/v1.json", null, 200);
        JsonElement paths = doc.GetProperty("paths");
        foreach (string path in new[]
        {
            "/api/me/appliances", "/api/me/appliances/{id}", "/api/me/generators/{id}/switch", "/api/me/batteries", "/api/me/household",
            "/api/me/preferences", "/api/templates/appliances", "/api/traders", "/api/me/contracts", "/api/me/contracts/{id}/cancel",
            "/api/me/preferred-traders/{sellerHouseholdId}", "/api/me/orders", "/api/me/orders/{id}/cancel", "/api/me/transactions", "/api/me/transactions.csv",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }
}
