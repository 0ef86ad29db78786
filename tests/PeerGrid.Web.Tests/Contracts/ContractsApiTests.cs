using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Contracts;

public sealed class ContractsApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AContract_IsListedToBothParties_AndEitherMayCancelIt(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        await MarketData.SettleSlotsAsync(app, 0, 9);
        long version = await Api.ConfigVersionAsync(app);

        HttpResponseMessage answer = await Api.SendAsync(buyer.Http, HttpMethod.Post, "/api/me/contracts",
            $$"""{"sellerHouseholdId": {{seller.HouseholdId}}, "kwhPerSlot": 0.5, "pricePerKwh": 0.18, "endSlot": 105}""");
        await Expect.StatusAsync(answer, 201);
        JsonElement contract = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        long id = contract.GetProperty("id").GetInt64();
        Assert.Equal($"/api/me/contracts/{id}", answer.Headers.Location!.OriginalString);
        Assert.Equal(10, contract.GetProperty("startSlot").GetInt64()); // the next unsettled slot
        Assert.Equal(0.18m, contract.GetProperty("pricePerKwh").GetDecimal());
        Assert.Equal("buyer", contract.GetProperty("role").GetString());
        Assert.Equal("active", contract.GetProperty("status").GetString());
        Assert.Equal(180_000, await app.WithDbAsync(db => db.Contracts.Select(c => c.PriceMicrosPerKwh).SingleAsync()));
        Assert.True(await Api.ConfigVersionAsync(app) > version);

        JsonElement sellersView = await Api.ExpectAsync(seller.Http, HttpMethod.Get, $"/api/me/contracts/{id}", null, 200);
        Assert.Equal("seller", sellersView.GetProperty("role").GetString());
        Assert.Single((await Api.ExpectAsync(seller.Http, HttpMethod.Get, "/api/me/contracts?role=seller", null, 200)).EnumerateArray());
        Assert.Empty((await Api.ExpectAsync(seller.Http, HttpMethod.Get, "/api/me/contracts?role=buyer", null, 200)).EnumerateArray());

        long beforeCancel = await Api.ConfigVersionAsync(app);
        JsonElement cancelled = await Api.ExpectAsync(seller.Http, HttpMethod.Post, $"/api/me/contracts/{id}/cancel", null, 200);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.True(await Api.ConfigVersionAsync(app) > beforeCancel);
        await Api.ExpectAsync(buyer.Http, HttpMethod.Post, $"/api/me/contracts/{id}/cancel", null, 409);

        JsonElement stillListed = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/contracts", null, 200);
        Assert.Equal("cancelled", Assert.Single(stillListed.EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty((await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/contracts?status=active", null, 200)).EnumerateArray());
    }

    public static TheoryData<string, string> BadContracts => new()
    {
        { """{"kwhPerSlot": 1, "pricePerKwh": 0.2}""", "sellerHouseholdId" },
        { """{"sellerHouseholdId": "<self>", "kwhPerSlot": 1, "pricePerKwh": 0.2}""", "sellerHouseholdId" },
        { """{"sellerHouseholdId": "<elsewhere>", "kwhPerSlot": 1, "pricePerKwh": 0.2}""", "sellerHouseholdId" },
        { """{"sellerHouseholdId": 987654, "kwhPerSlot": 1, "pricePerKwh": 0.2}""", "sellerHouseholdId" },
        { """{"sellerHouseholdId": 1.5, "kwhPerSlot": 1, "pricePerKwh": 0.2}""", "sellerHouseholdId" },
        { """{"sellerHouseholdId": "<seller>", "pricePerKwh": 0.2}""", "kwhPerSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 0, "pricePerKwh": 0.2}""", "kwhPerSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": -1, "pricePerKwh": 0.2}""", "kwhPerSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 100.5, "pricePerKwh": 0.2}""", "kwhPerSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": NaN, "pricePerKwh": 0.2}""", "(body)" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1}""", "pricePerKwh" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0}""", "pricePerKwh" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 10.01}""", "pricePerKwh" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.1234567}""", "pricePerKwh" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": "0.2"}""", "pricePerKwh" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.2, "startSlot": 3}""", "startSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.2, "startSlot": 20, "endSlot": 19}""", "endSlot" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.2, "buyerHouseholdId": 1}""", "buyerHouseholdId" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.2, "status": "active"}""", "status" },
        { """{"sellerHouseholdId": "<seller>", "kwhPerSlot": 1, "pricePerKwh": 0.2, "ownerId": "x"}""", "ownerId" },
    };

    [Theory]
    [MemberData(nameof(BadContracts))]
    public async Task BadContracts_Answer400NamingTheField_AndWriteNothing(string body, string field)
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        long elsewhere = await MarketData.OtherCommunityHouseholdAsync(app);
        await MarketData.SettleSlotsAsync(app, 0, 9);
        long version = await Api.ConfigVersionAsync(app);
        body = body.Replace("\"<self>\"", buyer.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"<seller>\"", seller.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"<elsewhere>\"", elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(buyer.Http, HttpMethod.Post, "/api/me/contracts", body), field);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contracts.CountAsync()));
        Assert.Equal(version, await Api.ConfigVersionAsync(app));
    }

    [Fact]
    public async Task BadListFilters_Answer400NamingTheParameter()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        HttpResponseMessage answer = await Api.SendAsync(user.Http, HttpMethod.Get, "/api/me/contracts?status=activ", null);
        await Api.AssertFieldErrorAsync(answer, "status");
        Assert.Contains("did you mean 'active'", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(user.Http, HttpMethod.Get, "/api/me/contracts?role=owner", null), "role");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PreferredTraders_AddListGetRemove(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider);
        UserClient buyer = await app.RegisterAsync();
        UserClient seller = await app.RegisterAsync();
        long version = await Api.ConfigVersionAsync(app);
        string path = $"/api/me/preferred-traders/{seller.HouseholdId}";
        await Api.ExpectAsync(buyer.Http, HttpMethod.Put, path, null, 201);
        await Api.ExpectAsync(buyer.Http, HttpMethod.Put, path, null, 200);
        Assert.True(await Api.ConfigVersionAsync(app) > version);
        JsonElement list = await Api.ExpectAsync(buyer.Http, HttpMethod.Get, "/api/me/preferred-traders", null, 200);
        Assert.Equal(seller.HouseholdId, Assert.Single(list.EnumerateArray()).GetProperty("sellerHouseholdId").GetInt64());
        await Api.ExpectAsync(buyer.Http, HttpMethod.Get, path, null, 200);
        await Api.ExpectAsync(seller.Http, HttpMethod.Get, $"/api/me/preferred-traders/{buyer.HouseholdId}", null, 404);
        await Api.ExpectAsync(buyer.Http, HttpMethod.Delete, path, null, 204);
        await Api.ExpectAsync(buyer.Http, HttpMethod.Delete, path, null, 404);
        Assert.Equal(0, await app.WithDbAsync(db => db.PreferredTraders.CountAsync()));
    }

    [Fact]
    public async Task PreferringYourselfOrAStranger_Answers400()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient buyer = await app.RegisterAsync();
        long elsewhere = await MarketData.OtherCommunityHouseholdAsync(app);
        await Api.AssertFieldErrorAsync(await Api.SendAsync(buyer.Http, HttpMethod.Put, $"/api/me/preferred-traders/{buyer.HouseholdId}", null), "sellerHouseholdId");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(buyer.Http, HttpMethod.Put, $"/api/me/preferred-traders/{elsewhere}", null), "sellerHouseholdId");
        await Api.AssertFieldErrorAsync(await Api.SendAsync(buyer.Http, HttpMethod.Put, "/api/me/preferred-traders/424242", null), "sellerHouseholdId");
        Assert.Equal(0, await app.WithDbAsync(db => db.PreferredTraders.CountAsync()));
    }
}
