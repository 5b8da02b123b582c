namespace Comments.Core.Posts;

/// <summary>The outbox kinds of the new-posts mail (beside <see cref="Outbox.OutboxKinds"/>).</summary>
public static class PostOutboxKinds
{
    /// <summary>A post was announced: one mail each to the subscribers who chose a mail per post.</summary>
    public const string Post = "mail.post";
    /// <summary>A digest batch is due: one mail gathering its posts to each subscriber of that frequency.</summary>
    public const string Digest = "mail.post-digest";
}
