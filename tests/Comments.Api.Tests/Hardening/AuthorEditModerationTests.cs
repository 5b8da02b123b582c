using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Hardening;

/// <summary>
/// Moderation bypass: an author's edit goes through the same checks as a new comment (word
/// lists, links, model, site mode) and can be held; readers then lose the comment.
/// </summary>
public abstract class AuthorEditModerationTests(ServiceFixture fixture)
{
    private const string TwoLinks = "Buy now at http://shop.example/a and http://shop.example/b";

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, string site, string id, string token, string text) =>
        client.PostAsJsonAsync($"/api/sites/{site}/comments/{id}/edit", new { token, text }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Text_that_would_be_held_when_posted_is_held_when_edited_in_and_readers_lose_the_comment()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("edit");
        // A new author: links are held for authors the site does not trust yet.
        var email = $"new-{Guid.NewGuid():N}@example.com";
        using (var direct = await client.PostAsync(TestSites.Open, TestSites.NewThread("edit"), TestApi.Reply(TwoLinks, email: email)))
            Assert.Equal(HttpStatusCode.Accepted, direct.StatusCode);

        using var posted = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("An innocent first version.", email: $"new-{Guid.NewGuid():N}@example.com"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        var token = posted.Headers.GetValues("Author-Token").Single();

        using var edited = await EditAsync(client, TestSites.Open, id, token, TwoLinks);
        var answer = await edited.JsonAsync();
        Assert.True(edited.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)edited.StatusCode}: {answer}");
        Assert.Equal("pending", answer.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("comment").ValueKind);

        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(0, page.GetProperty("count").GetInt64());
        using var read = await client.GetAsync($"/api/sites/{TestSites.Open}/comments/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);

        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var item = await moderator.ItemAsync(TestSites.Open, id);
        Assert.Contains("rule.links", item.ToString());
    }

    [Fact]
    public async Task On_a_premoderated_site_an_edit_of_a_held_comment_stays_held()
    {
        using var client = fixture.CreateClient();
        using var held = await client.PostAsync(TestSites.Premoderated, TestSites.NewThread("edit"), TestApi.Reply("Held at first."));
        var body = await held.JsonAsync();
        var id = body.GetProperty("id").GetString()!;

        using var edited = await EditAsync(client, TestSites.Premoderated, id, body.GetProperty("token").GetString()!, "Still waiting, edited.");
        Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
        Assert.Equal("pending", (await edited.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_clean_edit_of_a_published_comment_stays_published()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("edit");
        using var posted = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Fine words."));
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        using var edited = await EditAsync(client, TestSites.Open, id, posted.Headers.GetValues("Author-Token").Single(), "Finer words.");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("published", (await edited.JsonAsync()).GetProperty("status").GetString());
    }
}

public sealed class AuthorEditModerationOnGarnet(GarnetService fixture) : AuthorEditModerationTests(fixture);

public sealed class AuthorEditModerationOnRedis(RedisService fixture) : AuthorEditModerationTests(fixture);
