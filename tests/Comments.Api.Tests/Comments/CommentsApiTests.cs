using System.Net;
using System.Net.Http.Headers;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Comments;

/// <summary>The public API, run once against embedded Garnet and once against redis-server.</summary>
public abstract class CommentsApiTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_comment_answers_201_with_its_location_and_is_listed_in_its_thread()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();

        using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Great post, *thanks*!"));
        var comment = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = comment.GetProperty("id").GetString()!;
        Assert.Equal($"/api/sites/{TestSites.Open}/comments/{id}", response.Headers.Location?.ToString());
        Assert.Equal("<p>Great post, <em>thanks</em>!</p>", comment.GetProperty("html").GetString());
        Assert.Equal("Ann Reader", comment.GetProperty("authorName").GetString());
        Assert.Equal(0, comment.GetProperty("depth").GetInt32());

        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(1, page.GetProperty("count").GetInt64());
        Assert.Equal(id, Assert.Single(page.GetProperty("comments").EnumerateArray()).GetProperty("id").GetString());

        var single = await client.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.Equal(id, single.GetProperty("id").GetString());
    }

    [Fact]
    public async Task On_a_premoderated_site_a_comment_answers_202_pending_and_readers_do_not_see_it()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();

        using var response = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("Held for a moderator"));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetString();
        Assert.Null(response.Headers.Location);

        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Premoderated, thread));
        Assert.Equal(0, page.GetProperty("count").GetInt64());
        Assert.Empty(page.GetProperty("comments").EnumerateArray());
        using var direct = await client.GetAsync($"/api/sites/{TestSites.Premoderated}/comments/{id}", Ct);
        await direct.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_answer_and_stores_nothing_new()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var key = Guid.NewGuid().ToString();

        using var first = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Only once please"), key);
        using var retry = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Only once please"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetString(), (await retry.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(1, page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_store_one_comment()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync(TestSites.Open, thread, TestApi.Reply("A flaky network retries this"), key)));

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
            response.Dispose();
        }
        Assert.Single(ids);
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(1, page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task The_same_text_twice_in_one_thread_is_a_409_duplicate()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("First!"));

        using var again = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("  first!  ", name: "Someone else", email: "else@example.com"));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "comment.duplicate", "text");
    }

    [Fact]
    public async Task A_second_comment_inside_the_flood_window_is_a_429_with_retry_after()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var ip = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var email = $"fast-{Guid.NewGuid():N}@example.com";
        using var first = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("one", email: email), forwardedFor: ip);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("two", email: email), forwardedFor: ip);

        await second.AssertProblemAsync(HttpStatusCode.TooManyRequests, "comment.rate_limited");
        var wait = second.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Replies_carry_their_parent_and_depth_and_stop_at_the_sites_max_depth()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var root = await client.PublishAsync(TestSites.Shallow, thread, TestApi.Reply("root"));
        var reply = await client.PublishAsync(TestSites.Shallow, thread, TestApi.Reply("reply", parentId: root.GetProperty("id").GetString()));

        Assert.Equal(root.GetProperty("id").GetString(), reply.GetProperty("parentId").GetString());
        Assert.Equal(1, reply.GetProperty("depth").GetInt32());

        using var tooDeep = await client.PostAsync(TestSites.Shallow, thread, TestApi.Reply("reply to reply", parentId: reply.GetProperty("id").GetString()));
        await tooDeep.AssertProblemAsync(HttpStatusCode.BadRequest, "comment.parent_too_deep", "parentId");
    }

    [Fact]
    public async Task Cursor_pages_stay_stable_while_new_comments_arrive()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
            posted.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"comment {i}"))).GetProperty("id").GetString()!);

        var first = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?limit=2");
        var newcomer = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("late arrival"))).GetProperty("id").GetString()!;
        var seen = Ids(first);
        var cursor = first.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + $"?limit=2&cursor={cursor}");
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }

        Assert.Equal([.. posted, newcomer], seen);
    }

    [Fact]
    public async Task Newest_first_pages_walk_backwards_without_gaps_or_repeats()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
            posted.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"comment {i}"))).GetProperty("id").GetString()!);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?sort=newest&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        posted.Reverse();
        Assert.Equal(posted, seen);
    }

    [Fact]
    public async Task After_a_cursor_returns_exactly_what_came_later_in_order()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var seen = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("seen before the drop"));
        var missed = new List<string>();
        for (var i = 0; i < 3; i++)
            missed.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"missed {i}"))).GetProperty("id").GetString()!);

        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + $"?after={seen.GetProperty("cursor").GetString()}");

        Assert.Equal(missed, Ids(page));
    }

    [Fact]
    public async Task A_thread_answers_304_to_its_etag_until_a_new_comment_changes_it()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("hello"));
        using var first = await client.GetAsync(TestApi.CommentsPath(TestSites.Open, thread), Ct);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, TestApi.CommentsPath(TestSites.Open, thread));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("news"));
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, TestApi.CommentsPath(TestSites.Open, thread));
        afterChange.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(afterChange, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(2, (await changed.JsonAsync()).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Counts_for_many_threads_come_in_one_call_with_zero_for_unknown_threads()
    {
        using var client = fixture.CreateClient();
        var (a, b, empty) = (TestSites.NewThread(), TestSites.NewThread(), TestSites.NewThread());
        await client.PublishAsync(TestSites.Open, a, TestApi.Reply("a1"));
        await client.PublishAsync(TestSites.Open, a, TestApi.Reply("a2"));
        await client.PublishAsync(TestSites.Open, b, TestApi.Reply("b1"));

        var counts = (await client.GetJsonAsync($"/api/sites/{TestSites.Open}/counts?thread={a}&thread={b}&thread={empty}")).GetProperty("counts");

        Assert.Equal(2, counts.GetProperty(a).GetInt64());
        Assert.Equal(1, counts.GetProperty(b).GetInt64());
        Assert.Equal(0, counts.GetProperty(empty).GetInt64());
    }

    [Fact]
    public async Task A_closed_thread_refuses_comments_with_409_and_stores_nothing()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("before closing"));
        await fixture.Store.HashSetAsync($"c:{{{TestSites.Open}}}:thread:{thread}", "closed", 1);

        using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("too late"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "comment.thread_closed", "thread");
        Assert.Equal(1, (await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread))).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Script_payloads_are_stored_as_sent_and_rendered_inert()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) [data](data:text/html,hi) <a href=\"https://example.com\" onclick=\"x()\">ok</a>";

        var comment = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply(payload, name: "<b>Mallory</b>"));

        var html = comment.GetProperty("html").GetString()!;
        // Only the allowlisted tags exist as markup; everything else is escaped text.
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<([a-z]+)([^>]*)>").Select(m => (Tag: m.Groups[1].Value, Attributes: m.Groups[2].Value)).ToList();
        Assert.All(tags, t => Assert.Contains(t.Tag, new[] { "p", "a" }));
        Assert.All(tags.Where(t => t.Tag == "a"), t => Assert.DoesNotMatch("\\son\\w+=|javascript:|data:", t.Attributes));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Equal("<b>Mallory</b>", comment.GetProperty("authorName").GetString());

        var stored = (string)(await fixture.Store.StringGetAsync($"c:{{{TestSites.Open}}}:comment:{comment.GetProperty("id").GetString()}"))!;
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(payload)[1..^1], stored);
    }

    [Fact]
    public async Task Links_get_nofollow_ugc_noopener_and_only_http_https_and_mailto_survive()
    {
        using var client = fixture.CreateClient();
        var comment = await client.PublishAsync(TestSites.Open, TestSites.NewThread(),
            TestApi.Reply("see https://example.com and [mail](mailto:a@example.com) and [ftp](ftp://example.com/x)"));

        var html = comment.GetProperty("html").GetString()!;
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow ugc noopener\">https://example.com</a>", html);
        Assert.Contains("href=\"mailto:a@example.com\"", html);
        Assert.DoesNotContain("ftp://", html);
    }

    [Fact]
    public async Task Name_and_email_may_be_left_out_where_the_site_allows_it()
    {
        using var client = fixture.CreateClient();
        var comment = await client.PublishAsync(TestSites.Anonymous, TestSites.NewThread(), new { text = "no name needed" });
        Assert.Equal("Anonymous", comment.GetProperty("authorName").GetString());
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_and_others_get_no_cors_headers()
    {
        using var client = fixture.CreateClient();
        var path = TestApi.CommentsPath(TestSites.Open, TestSites.NewThread());

        using var allowed = new HttpRequestMessage(HttpMethod.Options, path);
        allowed.Headers.Add("Origin", "http://localhost:8123");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        using var ok = await client.SendAsync(allowed, Ct);
        Assert.Equal("http://localhost:8123", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = new HttpRequestMessage(HttpMethod.Options, path);
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await client.SendAsync(foreign, Ct);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_filled_honeypot_answers_like_pending_and_lands_in_spam()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, TestSites.NewThread(),
            new { text = "Nice post", authorName = "Bot", authorEmail = "bot@example.com", honeypot = "http://spam.example" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetString()!;
        Assert.NotNull(await fixture.Store.SortedSetScoreAsync($"c:{{{TestSites.Open}}}:status:spam", id));
        Assert.Contains("rule.honeypot", (string)(await fixture.Store.StringGetAsync($"c:{{{TestSites.Open}}}:comment:{id}"))!);
    }

    [Fact]
    public async Task A_comment_with_two_links_is_held_with_its_reason()
    {
        // A new author: a regular's links are not held (trust applies before the link count).
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, TestSites.NewThread(),
            TestApi.Reply("see https://a.example and https://b.example", email: $"new-{Guid.NewGuid():N}@example.com"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        Assert.NotNull(await fixture.Store.SortedSetScoreAsync($"c:{{{TestSites.Open}}}:status:pending", id));
        Assert.Contains("rule.links", (string)(await fixture.Store.StringGetAsync($"c:{{{TestSites.Open}}}:comment:{id}"))!);
    }

    private static List<string> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
}

public sealed class CommentsApiOnGarnet(GarnetService fixture) : CommentsApiTests(fixture);

public sealed class CommentsApiOnRedis(RedisService fixture) : CommentsApiTests(fixture);
