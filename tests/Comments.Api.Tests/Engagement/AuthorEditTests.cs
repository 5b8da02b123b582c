using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Engagement;

/// <summary>The author's own edit and delete with the token the submission returned.</summary>
public abstract class AuthorEditTests(ServiceFixture fixture)
{
    private static Task<HttpResponseMessage> OwnAsync(HttpClient client, string site, string id, string what, object body) =>
        client.PostAsJsonAsync($"/api/sites/{site}/comments/{id}/{what}", body, TestContext.Current.CancellationToken);

    private static async Task<(string Id, string Token)> PublishWithTokenAsync(HttpClient client, string site, string thread, string text)
    {
        using var response = await client.PostAsync(site, thread, TestApi.Reply(text));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        return (id, response.Headers.GetValues("Author-Token").Single());
    }

    [Fact]
    public async Task The_author_edits_then_deletes_their_comment_with_the_token_from_the_201()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("own");
        var (id, token) = await PublishWithTokenAsync(client, TestSites.Open, thread, "Typo in thsi one.");

        using var edited = await OwnAsync(client, TestSites.Open, id, "edit", new { token, text = "No typo in *this* one." });
        var answer = await edited.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("published", answer.GetProperty("status").GetString());
        Assert.Equal("<p>No typo in <em>this</em> one.</p>", answer.GetProperty("comment").GetProperty("html").GetString());
        var read = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.Equal("<p>No typo in <em>this</em> one.</p>", read.GetProperty("html").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("updatedAt").ValueKind);

        using var deleted = await OwnAsync(client, TestSites.Open, id, "delete", new { token });
        Assert.Equal("deleted", (await deleted.JsonAsync()).GetProperty("status").GetString());
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(0, page.GetProperty("count").GetInt64());
        Assert.Empty(page.GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_token_or_another_comments_token_is_refused_with_403_and_changes_nothing()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("own");
        var (id, _) = await PublishWithTokenAsync(client, TestSites.Open, thread, "Mine.");
        var (_, otherToken) = await PublishWithTokenAsync(client, TestSites.Open, thread, "Someone else's.");

        using var forged = await OwnAsync(client, TestSites.Open, id, "delete", new { token = "not-the-token" });
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", field: "token");
        using var borrowed = await OwnAsync(client, TestSites.Open, id, "edit", new { token = otherToken, text = "Hijacked." });
        await borrowed.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", field: "token");

        var read = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.Equal("<p>Mine.</p>", read.GetProperty("html").GetString());
    }

    [Fact]
    public async Task After_the_sites_window_the_author_can_no_longer_change_the_comment()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("own");
        var (id, token) = await PublishWithTokenAsync(client, TestSites.Shallow, thread, "Window zero here.");

        using var late = await OwnAsync(client, TestSites.Shallow, id, "edit", new { token, text = "Too late." });
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "author.window_closed");
    }

    [Fact]
    public async Task The_author_deletes_their_held_comment_with_the_token_from_the_202()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("own");
        using var held = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("Changed my mind."));
        var body = await held.JsonAsync();

        using var deleted = await OwnAsync(client, TestSites.Premoderated, body.GetProperty("id").GetString()!, "delete",
            new { token = body.GetProperty("token").GetString() });
        var answer = await deleted.JsonAsync();
        Assert.Equal("deleted", answer.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("comment").ValueKind);
    }

    [Fact]
    public async Task The_author_sees_their_held_comment_rejected_while_the_spam_folder_still_reads_as_pending()
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateClient();
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        var thread = TestSites.NewThread("own");
        async Task<(string Id, string Token)> HoldAsync(string text)
        {
            using var held = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply(text));
            var body = await held.JsonAsync();
            return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
        }
        async Task<string?> StatusAsync(string id, string token)
        {
            using var response = await OwnAsync(client, TestSites.Premoderated, id, "status", new { token });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("status").GetString();
        }
        var (rejected, rejectedToken) = await HoldAsync("Please reject me.");
        var (spam, spamToken) = await HoldAsync("Please file me as spam.");
        var (approved, approvedToken) = await HoldAsync("Please approve me.");
        Assert.Equal("pending", await StatusAsync(rejected, rejectedToken));

        await moderator.ActOkAsync(TestSites.Premoderated, rejected, "reject", "off-topic");
        await moderator.ActOkAsync(TestSites.Premoderated, spam, "spam");
        await moderator.ActOkAsync(TestSites.Premoderated, approved, "approve");

        Assert.Equal("rejected", await StatusAsync(rejected, rejectedToken));
        Assert.Equal("pending", await StatusAsync(spam, spamToken));
        using var published = await OwnAsync(client, TestSites.Premoderated, approved, "status", new { token = approvedToken });
        var answer = await published.JsonAsync();
        Assert.Equal("published", answer.GetProperty("status").GetString());
        Assert.Equal("<p>Please approve me.</p>", answer.GetProperty("comment").GetProperty("html").GetString());

        using var forged = await OwnAsync(client, TestSites.Premoderated, rejected, "status", new { token = spamToken });
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", field: "token");
    }
}

public sealed class AuthorEditOnGarnet(GarnetService fixture) : AuthorEditTests(fixture);

public sealed class AuthorEditOnRedis(RedisService fixture) : AuthorEditTests(fixture);
