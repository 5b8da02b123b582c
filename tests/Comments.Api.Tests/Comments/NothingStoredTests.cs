using System.Net;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// A refused request stores nothing anywhere: the whole keyspace (every key, its type and its
/// content) is the same before and after it, for JSON posts and for form posts. Runs against a
/// service whose store no other test writes to (<see cref="IsolatedStoreService"/>), on both stores.
/// </summary>
public abstract class NothingStoredTests(IsolatedStoreService fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string FormOrigin = "http://localhost:8080";

    public static TheoryData<string, string, string, string?> RefusedJson => new()
    {
        // name, raw JSON body, expected code, expected field
        { "malformed", "{\"text\": \"unterminated", "request.malformed_json", null },
        { "wrong type", "{\"text\": 42, \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\"}", "request.wrong_type", "text" },
        { "missing email", "{\"text\": \"hello\", \"authorName\": \"Ann\"}", "field.required", "authorEmail" },
        { "bad email", "{\"text\": \"hello\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@\"}", "field.invalid_email", "authorEmail" },
        { "control characters", "{\"text\": \"bell\\u0007\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\"}", "field.control_characters", "text" },
        { "lone surrogate", "{\"text\": \"\\ud800 x\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\"}", "field.invalid_unicode", "text" },
        { "javascript url", "{\"text\": \"hello\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\", \"authorUrl\": \"javascript:alert(1)\"}", "field.invalid_url", "authorUrl" },
        { "missing parent", "{\"text\": \"reply\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\", \"parentId\": \"999999999\"}", "comment.parent_not_found", "parentId" },
    };

    [Theory]
    [MemberData(nameof(RefusedJson))]
    public async Task A_refused_json_post_changes_no_key_anywhere_in_the_store(string name, string body, string code, string? field)
    {
        using var client = fixture.CreateClient();
        await AssertNothingChangesAsync(name, async () =>
        {
            using var response = await client.PostRawAsync(TestSites.Open, TestSites.NewThread("iso"), body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, code, field);
        });
    }

    [Fact]
    public async Task Refused_posts_to_an_unknown_site_a_bad_thread_id_or_with_a_body_over_the_cap_change_no_key()
    {
        using var client = fixture.CreateClient();
        await AssertNothingChangesAsync("unknown site", async () =>
        {
            using var response = await client.PostAsync("no-such-site", TestSites.NewThread("iso"), TestApi.Reply("hello"));
            await response.AssertProblemAsync(HttpStatusCode.NotFound, "site.not_found", "site");
        });
        await AssertNothingChangesAsync("bad thread id", async () =>
        {
            using var response = await client.PostAsync(TestSites.Open, "semi;colon", TestApi.Reply("hello"));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "thread.invalid_id", "thread");
        });
        await AssertNothingChangesAsync("body over the cap", async () =>
        {
            using var response = await client.PostAsync(TestSites.Open, TestSites.NewThread("iso"), TestApi.Reply(new string('a', 600 * 1024)));
            await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
        });
    }

    [Fact]
    public async Task A_reply_to_a_held_comment_changes_no_key_though_its_thread_and_site_exist()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("iso");
        var held = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("waiting for a moderator"));

        await AssertNothingChangesAsync("reply to held", async () =>
        {
            using var response = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("reply to it", parentId: held));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "comment.parent_not_published", "parentId");
        });
    }

    [Fact]
    public async Task Refused_form_posts_change_no_key_anywhere_in_the_store()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress };
        (string, string)[] fields = [("comment", "Sent as a form."), ("author", "Fran Form"), ("email", "fran@example.com"), ("redirect_to", FormOrigin + "/posts/hello")];

        await AssertNothingChangesAsync("form from another origin", async () =>
        {
            using var response = await client.SendAsync(Form(TestSites.Open, "https://evil.example", fields), Ct);
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "form.origin_not_allowed");
        });
        await AssertNothingChangesAsync("form with a bad email", async () =>
        {
            using var response = await client.SendAsync(Form(TestSites.Open, FormOrigin, [.. fields[..2], ("email", "not-an-email"), fields[3]]), Ct);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_email", field: "email");
        });
        await AssertNothingChangesAsync("form with no comment", async () =>
        {
            using var response = await client.SendAsync(Form(TestSites.Open, FormOrigin, [("comment", " "), .. fields[1..]]), Ct);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "field.required", field: "comment");
        });
    }

    [Fact]
    public async Task The_snapshot_sees_an_accepted_post_outside_the_threads_own_keys()
    {
        // The check itself can fail: an accepted comment shows up in keys no thread prefix covers.
        using var client = fixture.CreateClient();
        var before = await fixture.SnapshotAsync();
        await client.PublishAsync(TestSites.Open, TestSites.NewThread("iso"), TestApi.Reply("Accepted."));

        var changes = (await fixture.SnapshotAsync()).DifferencesFrom(before);

        Assert.Contains(changes, c => c.Contains($"c:{{{TestSites.Open}}}:status:published", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains($"c:{{{TestSites.Open}}}:comment:", StringComparison.Ordinal));
    }

    private async Task AssertNothingChangesAsync(string what, Func<Task> refusedRequest)
    {
        var before = await fixture.SnapshotAsync();
        await refusedRequest();
        var changes = (await fixture.SnapshotAsync()).DifferencesFrom(before);
        Assert.True(changes.Count == 0, $"{what}: the refused request changed the store:\n{string.Join('\n', changes)}");
    }

    private static HttpRequestMessage Form(string site, string origin, (string, string)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TestApi.CommentsPath(site, TestSites.NewThread("iso")) + "/form")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        request.Headers.Add("Origin", origin);
        return request;
    }
}

public sealed class NothingStoredOnGarnet(IsolatedGarnetService fixture) : NothingStoredTests(fixture), IClassFixture<IsolatedGarnetService>;

public sealed class NothingStoredOnRedis(IsolatedRedisService fixture) : NothingStoredTests(fixture), IClassFixture<IsolatedRedisService>;
