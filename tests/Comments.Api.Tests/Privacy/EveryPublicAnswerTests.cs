using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Health;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// The privacy promise over the whole public surface, driven by the service's own OpenAPI
/// document: every public (non-moderator) operation gets a valid request and at least one
/// invalid one, with path parameters filled from a comment posted with a known email and (trusted
/// X-Forwarded-For) IP; every answer's body and headers, every hub message a reader of the
/// thread receives (each kind <c>ICommentsClient</c> declares), a hub error and the service log
/// are scanned for the email, the IP and the email's MD5/SHA-256. An operation in the document
/// with no request here fails the test, so the scan cannot silently shrink.
/// </summary>
public abstract class EveryPublicAnswerTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Site = TestSites.Open;
    private const string Reader = "reader-token-0123456789abcdef";
    private const string Article = "http://localhost:8080/privacy-article";

    [Fact]
    public async Task No_answer_of_any_public_operation_and_no_hub_message_reveals_the_authors_email_or_ip()
    {
        var secrets = new Secrets();
        var thread = TestSites.NewThread("privacy-all");
        var heldThread = TestSites.NewThread("privacy-held");
        // The form's 303 is scanned as it is, not followed.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress };
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        await using var hub = await HubListener.ConnectAsync(fixture.Service.BaseAddress);
        await hub.Connection.InvokeAsync("JoinThread", Site, thread, Ct);
        await hub.Connection.InvokeAsync("JoinThread", TestSites.Premoderated, heldThread, Ct);

        // The comment whose ids fill the path parameters, and a reply a moderator will remove.
        var answers = new List<(string Operation, HttpResponseMessage Response)>();
        string id;
        using (var first = await client.PostAsync(Site, thread, TestApi.Reply("public words", email: secrets.Email, url: "https://ann.example"), forwardedFor: secrets.Ip))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            await secrets.AssertNotInAsync(first);
            id = (await first.JsonAsync()).GetProperty("id").GetString()!;
        }
        var token = await PostForTokenAsync(client, thread, secrets);

        HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, bool fromAuthor = true)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            if (fromAuthor) request.Headers.Add("X-Forwarded-For", secrets.Ip);
            return request;
        }
        HttpRequestMessage Json(string path, object body) => Request(HttpMethod.Post, path, JsonContent.Create(body));
        HttpRequestMessage Form(string path, string body, string origin = "http://localhost:8080")
        {
            var request = Request(HttpMethod.Post, path, new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
            request.Headers.Add("Origin", origin);
            return request;
        }
        string FormBody(string text, string email) =>
            $"comment={Uri.EscapeDataString(text)}&author=Ann&email={Uri.EscapeDataString(email)}&url=&comment_parent={id}&redirect_to={Uri.EscapeDataString(Article)}";

        var comments = TestApi.CommentsPath(Site, thread);
        var byId = $"/api/sites/{Site}/comments/{token.Id}";
        // Every public operation: valid requests first, then invalid ones; delete runs last.
        var plan = new Dictionary<(string, string), Func<HttpRequestMessage>[]>
        {
            [("POST", "/api/sites/{}/threads/{}/comments")] =
            [
                () => Json(comments, TestApi.Reply("other words", email: secrets.Email)),
                () => Json(TestApi.CommentsPath(TestSites.Premoderated, heldThread), TestApi.Reply("held words", email: secrets.Email)),
                () => Json(comments, TestApi.Reply("public words", email: secrets.Email)),                       // 409 duplicate
                () => Json(comments, TestApi.Reply("bad url", email: secrets.Email, url: "javascript:x")),     // 400
                () => Json(comments, TestApi.Reply("bad email", email: secrets.Email + "@")),                  // 400
            ],
            [("GET", "/api/sites/{}/threads/{}/comments")] =
                [() => Request(HttpMethod.Get, comments), () => Request(HttpMethod.Get, comments + "?sort=newest&limit=1"), () => Request(HttpMethod.Get, comments + "?sort=sideways")],
            [("GET", "/api/sites/{}/comments/{}")] =
                [() => Request(HttpMethod.Get, $"/api/sites/{Site}/comments/{id}"), () => Request(HttpMethod.Get, $"/api/sites/{Site}/comments/no-such-comment")],
            [("GET", "/api/sites/{}/counts")] =
                [() => Request(HttpMethod.Get, $"/api/sites/{Site}/counts?thread={thread}"), () => Request(HttpMethod.Get, $"/api/sites/{Site}/counts")],
            [("POST", "/api/sites/{}/threads/{}/comments/form")] =
            [
                () => Form(comments + "/form", FormBody("a form reply", secrets.Email)),                        // 303
                () => Form(comments + "/form", FormBody("bad form email", secrets.Email + "@")),               // 400
                () => Form(comments + "/form", FormBody("from elsewhere", secrets.Email), origin: "https://evil.example"), // 403
            ],
            [("POST", "/api/sites/{}/comments/{}/likes")] =
                [() => Json($"/api/sites/{Site}/comments/{id}/likes", new { reader = Reader }), () => Json($"/api/sites/{Site}/comments/{id}/likes", new { reader = "x" })],
            [("GET", "/api/sites/{}/threads/{}/likes")] =
                [() => Request(HttpMethod.Get, $"/api/sites/{Site}/threads/{thread}/likes"), () => Request(HttpMethod.Get, $"/api/sites/{Site}/threads/{new string('x', 300)}/likes")],
            [("POST", "/api/sites/{}/comments/{}/flags")] =
                [() => Json($"/api/sites/{Site}/comments/{id}/flags", new { reason = "spam" }), () => Json($"/api/sites/{Site}/comments/{id}/flags", new { reason = "boring" })],
            [("GET", "/api/sites/{}/recent")] =
                [() => Request(HttpMethod.Get, $"/api/sites/{Site}/recent?limit=50"), () => Request(HttpMethod.Get, $"/api/sites/{Site}/recent?limit=zero")],
            [("POST", "/api/sites/{}/comments/{}/edit")] =
            [
                () => Json(byId + "/edit", new { token = token.Token, text = "edited words" }),
                () => Json(byId + "/edit", new { token = token.Token, text = "" }),                           // 400
                () => Json(byId + "/edit", new { token = "not-the-token", text = "stolen" }),                 // 403
            ],
            [("POST", "/api/sites/{}/comments/{}/status")] =
                [() => Json(byId + "/status", new { token = token.Token }), () => Json(byId + "/status", new { token = "not-the-token" })],
            [("POST", "/api/sites/{}/comments/{}/delete")] =
                [() => Json(byId + "/delete", new { token = "not-the-token" }), () => Json(byId + "/delete", new { token = token.Token })],
        };

        var documented = (await OpenApiCoverageTests.DocumentedOperationsAsync(client))
            .Where(op => !op.Route.StartsWith("/api/moderation", StringComparison.Ordinal))
            // The shared services send no mail; Mail/MailTests scans these with mail on (subscription pages).
            .Where(op => !op.Route.StartsWith("/api/sites/{}/subscriptions", StringComparison.Ordinal))
            // Mail too (501 here); Mail/PersonalDataLinkTests checks the request's answer. The mailed link's export holds the
            // person's own email and IPs by design: it is their GDPR article 15 copy, for the holder of that mail's link.
            .Where(op => !op.Route.StartsWith("/api/sites/{}/personal-data", StringComparison.Ordinal)).ToList();
        var unexercised = documented.Where(op => !plan.ContainsKey(op)).ToList();
        Assert.True(unexercised.Count == 0, "public operations in /openapi/v1.json with no request in the privacy scan: "
            + string.Join(", ", unexercised.Select(op => $"{op.Method} {op.Route}")));
        var stale = plan.Keys.Where(k => !documented.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "planned but no longer in /openapi/v1.json: " + string.Join(", ", stale));

        foreach (var (operation, requests) in plan)
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var request in requests)
            {
                var response = await client.SendAsync(request(), Ct);
                statuses.Add(response.StatusCode);
                answers.Add(($"{operation.Item1} {operation.Item2}", response));
            }
            Assert.True(statuses.Any(s => (int)s < 400) && statuses.Any(s => (int)s is >= 400 and < 500),
                $"{operation.Item1} {operation.Item2} must be answered once with success and once with an error, got {string.Join(", ", statuses.Select(s => (int)s))}");
        }
        // Author status after the delete, and the site-wide feed after everything.
        answers.Add(("status after delete", await client.SendAsync(Json(byId + "/status", new { token = token.Token }), Ct)));
        answers.Add(("recent after all", await client.SendAsync(Request(HttpMethod.Get, $"/api/sites/{Site}/recent"), Ct)));
        Assert.Contains(answers, a => a.Response.StatusCode == HttpStatusCode.Accepted);
        Assert.Contains(answers, a => a.Response.StatusCode == HttpStatusCode.SeeOther);

        // Moderators' actions that readers see: approving the held comment, rejecting the first one.
        var held = (await moderator.QueueAsync(TestSites.Premoderated, "pending", heldThread)).Ids().Single();
        await moderator.ActOkAsync(TestSites.Premoderated, held, "approve");
        await moderator.ActOkAsync(Site, id, "reject", "off-topic");

        await hub.WaitForAsync("the approved comment", m => m.Kind == "commentPublished" && m.Json.Contains(held, StringComparison.Ordinal));
        await hub.WaitForAsync("the rejected comment", m => m.Kind == "commentRemoved" && m.Json.Contains(id, StringComparison.Ordinal));
        await hub.WaitForAsync("the author's delete", m => m.Kind == "commentRemoved" && m.Json.Contains(token.Id, StringComparison.Ordinal));
        foreach (var kind in HubListener.Kinds)
            await hub.WaitForAsync($"a {kind}", m => m.Kind == kind);
        var hubError = await Assert.ThrowsAnyAsync<Exception>(() => hub.Connection.InvokeAsync("JoinThread", "no-such-site", thread, Ct));

        foreach (var (_, response) in answers)
        {
            await secrets.AssertNotInAsync(response);
            response.Dispose();
        }
        foreach (var (kind, json) in hub.Received)
            secrets.AssertNotIn($"hub message {kind}", json);
        secrets.AssertNotIn("hub error", hubError.Message);
        foreach (var secret in secrets.All)
            Assert.DoesNotContain(secret, fixture.Service.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A second comment by the same author, for the author's own operations; its id and the Author-Token of its 201.</summary>
    private static async Task<(string Id, string Token)> PostForTokenAsync(HttpClient client, string thread, Secrets secrets)
    {
        using var response = await client.PostAsync(Site, thread, TestApi.Reply("mine to edit", email: secrets.Email), forwardedFor: secrets.Ip);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await secrets.AssertNotInAsync(response);
        return ((await response.JsonAsync()).GetProperty("id").GetString()!, response.Headers.GetValues("Author-Token").Single());
    }
}

public sealed class EveryPublicAnswerOnGarnet(GarnetService fixture) : EveryPublicAnswerTests(fixture);

public sealed class EveryPublicAnswerOnRedis(RedisService fixture) : EveryPublicAnswerTests(fixture);
