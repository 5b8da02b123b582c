using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;

namespace Comments.Core.Tests.Submissions;

public class ThreadClosingTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CommentThread Thread(bool closed = false) => new("s", "t", null, null, Created, closed, 1);

    [Fact]
    public void A_thread_stays_open_forever_when_the_site_sets_no_auto_close() =>
        Assert.False(SubmissionPipeline.IsClosed(new SiteOptions(), Thread(), Created.AddYears(10)));

    [Fact]
    public void A_thread_closes_itself_after_the_sites_auto_close_days()
    {
        var site = new SiteOptions { AutoCloseAfterDays = 14 };
        Assert.False(SubmissionPipeline.IsClosed(site, Thread(), Created.AddDays(13)));
        Assert.True(SubmissionPipeline.IsClosed(site, Thread(), Created.AddDays(14).AddSeconds(1)));
    }

    [Fact]
    public void A_thread_a_moderator_closed_is_closed() =>
        Assert.True(SubmissionPipeline.IsClosed(new SiteOptions(), Thread(closed: true), Created));
}
