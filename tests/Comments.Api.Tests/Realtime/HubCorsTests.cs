using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Realtime;

/// <summary>A browser page may negotiate a live connection only from an origin some site allows.</summary>
public sealed class HubCorsTests(GarnetService fixture)
{
    [Fact]
    public async Task Negotiation_from_a_configured_site_origin_is_allowed_with_credentials_and_from_any_other_origin_is_not()
    {
        using var client = fixture.CreateClient();

        using var allowed = await NegotiateFromAsync(client, "http://localhost:8123");
        using var foreign = await NegotiateFromAsync(client, "https://evil.example");

        Assert.True(allowed.IsSuccessStatusCode, $"negotiate answered {(int)allowed.StatusCode}");
        Assert.Equal("http://localhost:8123", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> NegotiateFromAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/comments/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
