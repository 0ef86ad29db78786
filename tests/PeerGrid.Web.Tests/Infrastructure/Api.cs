using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>Raw JSON requests (bad bodies cannot be built from objects) and checks on 400 answers.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return http.SendAsync(request);
    }

    /// <summary>Sends JSON and returns the answer's body after checking the status.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpClient http, HttpMethod method, string path, string? json, int status)
    {
        HttpResponseMessage answer = await SendAsync(http, method, path, json);
        await Expect.StatusAsync(answer, status);
        string text = await answer.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a 400 ProblemDetails whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage answer, string field)
    {
        await Expect.StatusAsync(answer, 400);
        JsonElement problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}' in {problem}");
    }

    /// <summary>The community's ConfigVersion (of the first community: the one users register into).</summary>
    public static Task<long> ConfigVersionAsync(PlatformApp app) =>
        app.WithDbAsync(db => db.Communities.OrderBy(c => c.Id).Select(c => c.ConfigVersion).FirstAsync());
}
