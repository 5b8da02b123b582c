using Comments.Api.Tests.Infrastructure;
using Comments.Core.Events;
using Comments.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests.Realtime;

/// <summary>
/// Moderator actions reach readers through the same event path as submissions. No moderation
/// endpoint exists on this branch yet, so these tests publish the events a moderator action emits
/// through the service's own publisher, for a comment really stored by a POST.
/// </summary>
public sealed class ModerationEventTests(InProcessService service) : IClassFixture<InProcessService>
{
    private const string PosterEmail = "moderated.poster@example.com";
    private const string PosterIp = "203.0.113.77";

    [Fact]
    public async Task An_edit_reaches_readers_as_commentUpdated_in_the_public_shape()
    {
        var (reader, comment) = await ReaderOfAStoredCommentAsync();
        await using var readerScope = reader;
        var edited = comment with { Html = "<p>Edited by a moderator</p>", UpdatedAt = DateTimeOffset.UtcNow };

        Publisher.Publish(new CommentEvent(CommentEventKind.Updated, edited, 1));

        var live = await reader.NextAsync("commentUpdated");
        Assert.Equal(comment.Id, live.GetProperty("id").GetString());
        Assert.Equal("<p>Edited by a moderator</p>", live.GetProperty("html").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, live.GetProperty("updatedAt").ValueKind);
        Assert.False(live.TryGetProperty("authorEmail", out _));
        reader.AssertNoneContains(PosterEmail, PosterIp);
    }

    [Fact]
    public async Task A_removal_reaches_readers_as_commentRemoved_with_only_id_thread_and_cursor_then_the_new_count()
    {
        var (reader, comment) = await ReaderOfAStoredCommentAsync();
        await using var readerScope = reader;

        Publisher.Publish(new CommentEvent(CommentEventKind.Removed, comment, 0));

        var removed = await reader.NextAsync("commentRemoved");
        Assert.Equal(["cursor", "id", "threadId"], removed.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(comment.Id, removed.GetProperty("id").GetString());
        Assert.Equal(comment.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), removed.GetProperty("cursor").GetString());
        Assert.Equal(0, (await reader.NextAsync("countChanged")).GetProperty("count").GetInt64());
        Assert.DoesNotContain(comment.Text, removed.GetRawText());
        reader.AssertNoneContains(PosterEmail, PosterIp);
    }

    [Fact]
    public async Task An_approval_reaches_readers_once_as_commentPublished()
    {
        var (reader, comment) = await ReaderOfAStoredCommentAsync();
        await using var readerScope = reader;

        Publisher.Publish(new CommentEvent(CommentEventKind.Published, comment, 2));
        Publisher.Publish(new CommentEvent(CommentEventKind.Held, comment with { Id = "held" }, 2));
        Publisher.Publish(new CommentEvent(CommentEventKind.Updated, comment, 2));

        Assert.Equal(comment.Id, (await reader.NextAsync("commentPublished")).GetProperty("id").GetString());
        Assert.Equal(2, (await reader.NextAsync("countChanged")).GetProperty("count").GetInt64());
        // The held event in between sent nothing: the next message is the update.
        Assert.Equal(comment.Id, (await reader.NextAsync("commentUpdated")).GetProperty("id").GetString());
        reader.AssertNoneContains(PosterEmail, PosterIp);
    }

    private ICommentEventPublisher Publisher => service.Services.GetRequiredService<ICommentEventPublisher>();

    /// <summary>A reader following a fresh thread in which one comment was posted (and received); that comment as stored.</summary>
    private async Task<(LiveReader Reader, Core.Comments.Comment Comment)> ReaderOfAStoredCommentAsync()
    {
        var thread = TestSites.NewThread();
        var reader = await LiveReader.ConnectAsync(service.BaseAddress);
        await reader.JoinAsync(TestSites.Open, thread);
        using var client = service.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("To be moderated", email: PosterEmail), forwardedFor: PosterIp);
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        await reader.NextAsync("commentPublished");
        await reader.NextAsync("countChanged");
        var stored = await service.Services.GetRequiredService<ICommentStore>().GetAsync(TestSites.Open, id, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(PosterEmail, stored.AuthorEmail); // the event carries the private fields; the hub must drop them
        Assert.Equal(PosterIp, stored.Ip);
        return (reader, stored);
    }
}
