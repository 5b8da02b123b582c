using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>What each action does to the comment, its queue, and what readers see.</summary>
public abstract class ModerationActionTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Pre = TestSites.Premoderated;

    [Fact]
    public async Task Approving_a_held_comment_publishes_it_to_readers_and_changes_the_thread_etag()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = await reader.HoldAsync(Pre, thread, TestApi.Reply("Approve me"));
        var etagBefore = await reader.ReaderETagAsync(Pre, thread);

        var item = await moderator.ActOkAsync(Pre, id, "approve");

        Assert.Equal("published", item.GetProperty("status").GetString());
        Assert.Equal([id], await reader.ReaderIdsAsync(Pre, thread));
        Assert.NotEqual(etagBefore, await reader.ReaderETagAsync(Pre, thread));
        Assert.DoesNotContain(id, (await moderator.QueueAsync(Pre, "pending", thread)).Ids());
        Assert.Contains(id, (await moderator.QueueAsync(Pre, "published", thread)).Ids());
        var single = await reader.GetJsonAsync($"/api/sites/{Pre}/comments/{id}");
        Assert.Equal(id, single.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Rejecting_a_published_comment_with_a_reason_hides_it_from_readers()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = (await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Something rude"))).GetProperty("id").GetString()!;

        var item = await moderator.ActOkAsync(TestSites.Open, id, "reject", "offensive");

        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.Empty(await reader.ReaderIdsAsync(TestSites.Open, thread));
        using var direct = await reader.GetAsync($"/api/sites/{TestSites.Open}/comments/{id}", Ct);
        await direct.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        Assert.Contains(id, (await moderator.QueueAsync(TestSites.Open, "rejected", thread)).Ids());
    }

    [Fact]
    public async Task Reject_without_a_known_reason_and_unknown_actions_answer_400_naming_the_field()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var id = await reader.HoldAsync(Pre, TestSites.NewThread(), TestApi.Reply("Reason please"));

        using var noReason = await moderator.ActAsync(Pre, id, "reject");
        using var badReason = await moderator.ActAsync(Pre, id, "reject", "ugly");
        using var unknown = await moderator.ActAsync(Pre, id, "obliterate");
        using var emptyEdit = await moderator.ActAsync(Pre, id, "edit", text: "  ");
        using var notJson = await moderator.PostAsync($"{ModerationTestApi.SitePath(Pre)}/comments/{id}/actions",
            new StringContent("action=approve", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        using var missing = await moderator.ActAsync(Pre, "987654321", "approve");

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "reason");
        await badReason.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "reason");
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "action");
        // The edit's text is held to the one text rule, so its field code is that rule's (issue 10).
        Assert.Equal("moderation.invalid", (await emptyEdit.AssertProblemAsync(HttpStatusCode.BadRequest, "field.required", "text")).GetProperty("code").GetString());
        await notJson.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        Assert.Equal("pending", (await moderator.ItemAsync(Pre, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Spam_delete_and_restore_move_a_comment_between_queues()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = await reader.HoldAsync(Pre, thread, TestApi.Reply("Buy cheap watches"));

        Assert.Equal("spam", (await moderator.ActOkAsync(Pre, id, "spam")).GetProperty("queue").GetString());
        Assert.Contains(id, (await moderator.QueueAsync(Pre, "spam", thread)).Ids());
        Assert.Equal("deleted", (await moderator.ActOkAsync(Pre, id, "delete")).GetProperty("queue").GetString());
        Assert.Empty((await moderator.QueueAsync(Pre, "spam", thread)).Ids());
        Assert.Equal("pending", (await moderator.ActOkAsync(Pre, id, "restore")).GetProperty("queue").GetString());
        Assert.Equal([id], (await moderator.QueueAsync(Pre, "pending", thread)).Ids());
        Assert.Empty(await reader.ReaderIdsAsync(Pre, thread));

        using var again = await moderator.ActAsync(Pre, id, "restore");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "moderation.action_not_allowed");
    }

    [Fact]
    public async Task Editing_a_published_comment_changes_what_readers_see_and_the_audit_keeps_the_old_text()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = (await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Call me at 555-0100"))).GetProperty("id").GetString()!;

        var item = await moderator.ActOkAsync(TestSites.Open, id, "edit", text: "Call me at [number removed]");

        Assert.Equal("Call me at [number removed]", item.GetProperty("text").GetString());
        var shown = await reader.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.Equal("<p>Call me at [number removed]</p>", shown.GetProperty("html").GetString());
        var audit = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/audit?comment={id}");
        var entry = audit.GetProperty("entries").EnumerateArray().First();
        Assert.Equal("edit", entry.GetProperty("action").GetString());
        Assert.Equal("olivia", entry.GetProperty("moderator").GetString());
        Assert.Equal("Call me at 555-0100", entry.GetProperty("before").GetProperty("text").GetString());
        Assert.Equal("Call me at [number removed]", entry.GetProperty("after").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Pinning_marks_the_comment_for_readers_and_only_published_comments_can_be_pinned()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = (await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("A great answer"))).GetProperty("id").GetString()!;
        var held = await reader.HoldAsync(Pre, thread, TestApi.Reply("Not yet visible"));

        Assert.True((await moderator.ActOkAsync(TestSites.Open, id, "pin")).GetProperty("pinned").GetBoolean());
        var page = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.True(page.GetProperty("comments")[0].GetProperty("pinned").GetBoolean());
        using var refused = await moderator.ActAsync(Pre, held, "pin");
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "moderation.action_not_allowed");
        Assert.False((await moderator.ActOkAsync(TestSites.Open, id, "unpin")).GetProperty("pinned").GetBoolean());
    }

    [Fact]
    public async Task A_bulk_approve_answers_per_comment_and_publishes_each_one()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var a = await reader.HoldAsync(Pre, thread, TestApi.Reply("Bulk one"));
        var b = await reader.HoldAsync(Pre, thread, TestApi.Reply("Bulk two"));

        using var response = await moderator.PostAsJsonAsync($"{ModerationTestApi.SitePath(Pre)}/actions",
            new { ids = new[] { a, b, "123456789012" }, action = "approve" }, Ct);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(200, results[a].GetProperty("status").GetInt32());
        Assert.Equal(200, results[b].GetProperty("status").GetInt32());
        Assert.Equal(404, results["123456789012"].GetProperty("status").GetInt32());
        Assert.Equal("comment.not_found", results["123456789012"].GetProperty("code").GetString());
        Assert.Equal([a, b], await reader.ReaderIdsAsync(Pre, thread));

        using var empty = await moderator.PostAsJsonAsync($"{ModerationTestApi.SitePath(Pre)}/actions", new { ids = Array.Empty<string>(), action = "approve" }, Ct);
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "ids");
    }

    [Fact]
    public async Task Two_moderators_deciding_at_once_leave_the_comment_in_exactly_one_queue()
    {
        using var reader = fixture.CreateClient();
        using var first = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var second = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var thread = TestSites.NewThread();
        var id = await reader.HoldAsync(Pre, thread, TestApi.Reply("Contended"));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? first : second).ActAsync(Pre, id, i % 2 == 0 ? "approve" : "spam")));
        foreach (var d in decisions) { Assert.Equal(HttpStatusCode.OK, d.StatusCode); d.Dispose(); }

        var status = (await first.ItemAsync(Pre, id)).GetProperty("status").GetString()!;
        var queues = new List<string>();
        foreach (var queue in new[] { "pending", "spam", "published" })
        {
            if ((await first.QueueAsync(Pre, queue, thread)).Ids().Contains(id)) queues.Add(queue);
        }
        Assert.Equal([status], queues);
        Assert.Equal(status == "published" ? [id] : [], await reader.ReaderIdsAsync(Pre, thread));
    }
}

public sealed class ModerationActionsOnGarnet(GarnetService fixture) : ModerationActionTests(fixture);

public sealed class ModerationActionsOnRedis(RedisService fixture) : ModerationActionTests(fixture);
