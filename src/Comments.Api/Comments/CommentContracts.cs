using Comments.Core.Comments;

namespace Comments.Api.Comments;

/// <summary>The body of <c>POST /api/sites/{site}/threads/{thread}/comments</c>.</summary>
/// <param name="Honeypot">Left empty by people (the widget hides it); bots fill it.</param>
/// <param name="ThreadTitle">Recorded with the thread's first comment.</param>
/// <param name="ThreadUrl">Recorded with the thread's first comment.</param>
/// <param name="Notify">"Notify me of follow-up comments by email": a confirmation mail goes to <paramref name="AuthorEmail"/> (when the server sends mail).</param>
/// <param name="NotifyPosts">"Notify me of new posts by email": the site's new posts, a mail per post, after the same confirmation.</param>
/// <param name="Lang">The widget's language tag (<c>de</c>): with <paramref name="Notify"/>, the reader's mails are in it.</param>
public sealed record CommentRequest(
    string? Text,
    string? AuthorName,
    string? AuthorEmail,
    string? AuthorUrl = null,
    string? ParentId = null,
    string? ThreadTitle = null,
    string? ThreadUrl = null,
    string? Honeypot = null,
    bool? Notify = null,
    bool? NotifyPosts = null,
    string? Lang = null);

/// <summary>The answer to a held comment: the same for pending, spam and banned authors.</summary>
/// <param name="Token">The author's token (HMAC of site and id): goes to the submitter alone, lets the widget show them their own held comment.</param>
public sealed record HeldResponse(string Id, string Status, string Token);

/// <param name="NextCursor">Pass as <c>cursor</c> to read the next page; null on the last page.</param>
/// <param name="MaxDepth">The site's deepest reply: a comment at this depth takes no reply (the widget then offers none).</param>
/// <param name="Notify">Whether this server sends mail: the widget offers "notify me of follow-up comments" only then.</param>
public sealed record ThreadCommentsResponse(
    string Site,
    string Thread,
    long Count,
    IReadOnlyList<PublicComment> Comments,
    string? NextCursor,
    int MaxDepth,
    bool Notify = false);

public sealed record ThreadCountsResponse(string Site, IReadOnlyDictionary<string, long> Counts);
