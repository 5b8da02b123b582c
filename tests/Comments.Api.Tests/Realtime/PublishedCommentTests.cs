using System.Text.Json;
using Comments.Api.Realtime;
using Comments.Core.Comments;

namespace Comments.Api.Tests.Realtime;

/// <summary>The one live message per comment stays the public comment, field for field, plus the count.</summary>
public sealed class PublishedCommentTests
{
    [Fact]
    public void A_published_comment_message_is_the_public_comment_field_for_field_plus_the_thread_count()
    {
        var comment = new PublicComment("12", "t-1", "11", 1, "Ann", "https://ann.example", "<p>hi</p>",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), "12") { Pinned = true };

        var message = JsonSerializer.SerializeToElement(PublishedComment.From(comment, 7), JsonSerializerOptions.Web);
        var expected = JsonSerializer.SerializeToElement(comment, JsonSerializerOptions.Web);

        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Append("count").Order(), message.EnumerateObject().Select(p => p.Name).Order());
        foreach (var field in expected.EnumerateObject())
            Assert.Equal(field.Value.GetRawText(), message.GetProperty(field.Name).GetRawText());
        Assert.Equal(7, message.GetProperty("count").GetInt64());
    }
}
