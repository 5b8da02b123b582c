using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.TestSupport;

/// <summary>Small helpers for talking to the API the way a widget does.</summary>
public static class TestApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string CommentsPath(string site, string thread) => $"/api/sites/{site}/threads/{thread}/comments";

    public static object Reply(string text, string name = "Ann Reader", string email = "ann@example.com", string? url = null, string? parentId = null) =>
        new { text, authorName = name, authorEmail = email, authorUrl = url, parentId };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string site, string thread, object body, string? idempotencyKey = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CommentsPath(site, thread)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string site, string thread, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return client.PostAsync(CommentsPath(site, thread), content, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts and insists on a 201; returns the public comment.</summary>
    public static async Task<JsonElement> PublishAsync(this HttpClient client, string site, string thread, object body)
    {
        using var response = await client.PostAsync(site, thread, body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {json}");
        return json;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Asserts a ProblemDetails with the status, the stable code and (if given) the field.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        if (field is null)
        {
            Assert.Equal(code, json.GetProperty("code").GetString());
        }
        else
        {
            var fields = json.GetProperty("fields").EnumerateArray().ToList();
            Assert.Contains(fields, f => f.GetProperty("field").GetString() == field && f.GetProperty("code").GetString() == code);
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"errors has no '{field}': {body}");
        }
        return json;
    }
}
