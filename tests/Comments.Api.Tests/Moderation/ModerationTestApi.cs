using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>Talking to the moderation API the way the moderator page does.</summary>
public static class ModerationTestApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient CreateModeratorClient(this ServiceFixture fixture, string key)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static string SitePath(string site) => $"/api/moderation/sites/{site}";

    /// <summary>Posts to the pre-moderated site (or any site that holds it) and insists on 202; returns the id.</summary>
    public static async Task<string> HoldAsync(this HttpClient client, string site, string thread, object body, string? forwardedFor = null)
    {
        using var response = await client.PostAsync(site, thread, body, forwardedFor: forwardedFor);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {json}");
        return json.GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient moderator, string site, string id, string action, string? reason = null, string? text = null) =>
        moderator.PostAsJsonAsync($"{SitePath(site)}/comments/{id}/actions", new { action, reason, text }, Ct);

    /// <summary>Acts and insists on 200; returns the moderation item as it is now.</summary>
    public static async Task<JsonElement> ActOkAsync(this HttpClient moderator, string site, string id, string action, string? reason = null, string? text = null)
    {
        using var response = await moderator.ActAsync(site, id, action, reason, text);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: expected 200, got {(int)response.StatusCode}: {json}");
        return json;
    }

    public static Task<JsonElement> ItemAsync(this HttpClient moderator, string site, string id) =>
        moderator.GetJsonAsync($"{SitePath(site)}/comments/{id}");

    public static Task<JsonElement> QueueAsync(this HttpClient moderator, string site, string queue, string? thread = null, string? query = null) =>
        moderator.GetJsonAsync($"{SitePath(site)}/queue/{queue}?{(thread is null ? "" : $"thread={thread}&")}{query}");

    public static List<string> Ids(this JsonElement queuePage) =>
        queuePage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    public static async Task<List<string>> ReaderIdsAsync(this HttpClient reader, string site, string thread)
    {
        var page = await reader.GetJsonAsync(TestApi.CommentsPath(site, thread));
        return page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    public static async Task<string?> ReaderETagAsync(this HttpClient reader, string site, string thread)
    {
        using var response = await reader.GetAsync(TestApi.CommentsPath(site, thread), Ct);
        return response.Headers.ETag?.ToString();
    }

    public static Task<HttpResponseMessage> FlagAsync(this HttpClient reader, string site, string id, string reason, string readerIp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/comments/{id}/flags") { Content = JsonContent.Create(new { reason }) };
        request.Headers.Add("X-Forwarded-For", readerIp);
        return reader.SendAsync(request, Ct);
    }
}
