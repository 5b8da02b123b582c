using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// "Your email address will not be published": a known email and IP go in, and every public
/// answer (bodies and headers, success and error) and the service's log are scanned for them,
/// for the Gravatar-style MD5 of the email too. <see cref="EveryPublicAnswerTests"/> does the same for
/// every public operation of the OpenAPI document and every hub message.
/// </summary>
public abstract class PrivacyTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_public_response_or_log_line_reveals_the_authors_email_or_ip()
    {
        var secrets = new Secrets();
        var (email, ip) = (secrets.Email, secrets.Ip);
        var thread = TestSites.NewThread("privacy");
        using var client = fixture.CreateClient();
        var responses = new List<HttpResponseMessage>();

        async Task<HttpResponseMessage> Keep(Task<HttpResponseMessage> call) { var r = await call; responses.Add(r); return r; }

        var published = await Keep(client.PostAsync(TestSites.Open, thread, TestApi.Reply("public words", email: email, url: "https://ann.example"), forwardedFor: ip));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var id = (await published.JsonAsync()).GetProperty("id").GetString();
        await Keep(client.PostAsync(TestSites.Open, thread, TestApi.Reply("a reply", email: email, parentId: id), forwardedFor: ip));
        await Keep(client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("held words", email: email), forwardedFor: ip));
        await Keep(client.PostAsync(TestSites.Open, thread, TestApi.Reply("public words", email: email), forwardedFor: ip));          // 409 duplicate
        await Keep(client.PostAsync(TestSites.Open, thread, TestApi.Reply("bad url", email: email, url: "javascript:x"), forwardedFor: ip)); // 400
        await Keep(client.PostAsync(TestSites.Open, thread, TestApi.Reply("bad email", email: email + "@"), forwardedFor: ip));        // 400
        await Keep(client.PostAsync(TestSites.Flood, thread, TestApi.Reply("flood one", email: email), forwardedFor: ip));
        await Keep(client.PostAsync(TestSites.Flood, thread, TestApi.Reply("flood two", email: email), forwardedFor: ip));            // 429
        await Keep(client.GetAsync(TestApi.CommentsPath(TestSites.Open, thread), Ct));
        await Keep(client.GetAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?sort=newest&limit=1", Ct));
        await Keep(client.GetAsync($"/api/sites/{TestSites.Open}/comments/{id}", Ct));
        await Keep(client.GetAsync($"/api/sites/{TestSites.Open}/counts?thread={thread}", Ct));
        await Keep(client.GetAsync("/openapi/v1.json", Ct));
        await Keep(client.GetAsync("/health/ready", Ct));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in responses)
        {
            await secrets.AssertNotInAsync(response);
            response.Dispose();
        }
        foreach (var secret in secrets.All)
            Assert.DoesNotContain(secret, fixture.Service.Output, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PrivacyOnGarnet(GarnetService fixture) : PrivacyTests(fixture);

public sealed class PrivacyOnRedis(RedisService fixture) : PrivacyTests(fixture);
