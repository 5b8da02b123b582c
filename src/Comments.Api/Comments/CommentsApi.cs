using System.Globalization;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Sites;
using Comments.Api.Subscriptions;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Comments;

/// <summary>The public, anonymous API that readers and the widget use.</summary>
public static class CommentsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxThreadsPerCount = 100;

    public static RouteGroupBuilder MapCommentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Comments")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/threads/{thread}/comments", PostComment)
            .WithName("PostComment")
            .WithSummary("Submit a reply: 201 with the comment when published, 202 when held for moderation.")
            .Accepts<CommentRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.PostPolicy);

        group.MapGet("/threads/{thread}/comments", GetThreadComments)
            .WithThreadId()
            .WithName("GetThreadComments")
            .WithSummary("Published comments of a thread, paged by cursor; 'after' returns what came after a cursor, oldest first.")
            .RequireRateLimiting(RateLimits.ReadPolicy);

        group.MapGet("/comments/{id}", GetComment)
            .WithName("GetComment")
            .WithSummary("One published comment.")
            .RequireRateLimiting(RateLimits.ReadPolicy);

        group.MapGet("/counts", GetCounts)
            .WithName("GetCounts")
            .WithSummary("Published counts of many threads in one call (?thread=a&thread=b).")
            .RequireRateLimiting(RateLimits.ReadPolicy);

        routes.MapFormPostApi();
        return group;
    }

    public static async Task<Results<Created<PublicComment>, Accepted<HeldResponse>, ProblemHttpResult>> PostComment(
        string thread, HttpContext http, SubmissionPipeline pipeline, AuthorTokens tokens, SubscriptionRequests subscriptions, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var (body, problem) = await JsonBody.ReadAsync(http.Request, ApiJson.Default.CommentRequest, FieldLimits.RequestBodyBytes, ct);
        if (problem is not null) return problem;
        if (body!.Lang is not null && !UiStrings.IsLanguageTag(body.Lang))
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.Validation, "The comment has errors.",
                [new FieldError("lang", ErrorCodes.InvalidLanguage, "lang is a language tag, like 'de' or 'pt-BR'.")]);

        // The author's token is signed after the save: have its key at hand before anything is stored,
        // so a store hiccup can refuse the comment (503, nothing stored) but never fail a stored one.
        await tokens.ReadyAsync(ct);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var result = await pipeline.SubmitAsync(site, new CommentSubmission
        {
            Site = site.Id,
            ThreadId = thread,
            Text = body!.Text,
            AuthorName = body.AuthorName,
            AuthorEmail = body.AuthorEmail,
            AuthorUrl = body.AuthorUrl,
            ParentId = body.ParentId,
            ThreadTitle = body.ThreadTitle,
            ThreadUrl = body.ThreadUrl,
            Honeypot = body.Honeypot,
            Ip = ClientInfo.Ip(http),
            UserAgent = ClientInfo.UserAgent(http),
            IdempotencyKey = key.Length == 0 ? null : key,
        }, ct);

        if (result.Problem is { } refused)
        {
            if (refused.RetryAfter is { } wait)
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.From(refused);
        }
        var answer = result.Answer!;
        if (!result.Replayed) await subscriptions.AfterSubmissionAsync(site.Id, thread, body.AuthorEmail, body.Notify == true, body.NotifyPosts == true, body.Lang, ct);
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        // The author's token (for their own edit and delete) goes to the submitter alone.
        if (answer.Published) http.Response.Headers[AuthorTokens.Header] = tokens.For(site.Id, answer.Id, answer.AuthorNonce);
        return answer is { Published: true, Comment: { } comment }
            ? TypedResults.Created($"/api/sites/{site.Id}/comments/{answer.Id}", comment)
            : TypedResults.Accepted((string?)null, new HeldResponse(answer.Id, "pending", tokens.For(site.Id, answer.Id, answer.AuthorNonce)));
    }

    /// <summary>
    /// The thread's version first: from this node's memory when it knows it is current
    /// (<see cref="ThreadVersions"/>, kept by the store's change messages), otherwise one HMGET. Then 304
    /// when the reader has it, the page from this node's memory when it was rendered at that version,
    /// otherwise read, rendered and kept (<see cref="ThreadPageCache"/>). A popular thread's page thus
    /// costs no store round trip; another node's change shows once its message arrived.
    /// </summary>
    public static async Task<Results<JsonBytesResult<ThreadCommentsResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetThreadComments(
        string thread, string? sort, string? limit, string? cursor, string? after,
        HttpContext http, ICommentStore store, ThreadPageCache pages, ThreadVersions versions, SubscriptionRequests subscriptions, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (ParseQuery(sort, limit, cursor, after, out var problem) is not { } query) return problem!;

        if (!versions.TryGet(site.Id, thread, out var version))
        {
            var reading = versions.BeginRead(site.Id, thread);
            version = (await store.GetThreadAsync(site.Id, thread, ct))?.Version ?? 0;
            versions.Remember(reading, version);
        }
        var etag = $"W/\"v{version}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        var known = http.Request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries));
        if (known.Any(v => v == etag || v == "*")) return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        if (pages.Find(site.Id, thread, query, version, site.MaxDepth) is { } cached) return new JsonBytesResult<ThreadCommentsResponse>(cached);
        var page = await store.ListPublishedAsync(site.Id, thread, query, ct);
        var response = new ThreadCommentsResponse(site.Id, thread, page.PublishedCount,
            page.Comments.Select(PublicComment.From).ToList(),
            Paging.Text(page.NextCursor), site.MaxDepth, subscriptions.Enabled);
        return new JsonBytesResult<ThreadCommentsResponse>(pages.Render(site.Id, thread, query, version, response));
    }

    public static async Task<Results<Ok<PublicComment>, ProblemHttpResult>> GetComment(
        string id, HttpContext http, ICommentStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var comment = await store.FindAsync(site.Id, id, ct);
        return comment is { Status: CommentStatus.Published }
            ? TypedResults.Ok(PublicComment.From(comment))
            : Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");
    }

    public static async Task<Results<Ok<ThreadCountsResponse>, ProblemHttpResult>> GetCounts(
        string[]? thread, HttpContext http, ICommentStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var threads = thread ?? [];
        if (threads.Length is 0 or > MaxThreadsPerCount)
            return Problems.BadQuery("thread", $"Ask for 1 to {MaxThreadsPerCount} threads (?thread=a&thread=b).");
        if (threads.Select(Problems.BadThread).OfType<ProblemHttpResult>().FirstOrDefault() is { } badThread) return badThread;
        var counts = await store.CountPublishedAsync(site.Id, threads, ct);
        return TypedResults.Ok(new ThreadCountsResponse(site.Id, counts));
    }

    private static PageQuery? ParseQuery(string? sort, string? limit, string? cursor, string? after, out ProblemHttpResult? problem)
    {
        problem = null;
        var order = sort switch
        {
            null or "" or "oldest" => SortOrder.Oldest,
            "newest" => SortOrder.Newest,
            _ => (SortOrder?)null,
        };
        if (order is null) { problem = Problems.BadQuery("sort", "sort is 'oldest' or 'newest'."); return null; }

        if (!Paging.TryParseLimit(limit, DefaultPageSize, MaxPageSize, out var size, out problem)) return null;
        if (cursor is not null && after is not null) { problem = Problems.BadQuery("after", "Use either cursor or after, not both."); return null; }
        if (!Paging.TryParseCursor(cursor ?? after, cursor is not null ? "cursor" : "after",
                "A cursor is the 'cursor' of a comment or the 'nextCursor' of a page.", out var position, out problem)) return null;
        // 'after' is catch-up after a reconnect: everything newer than the cursor, in order.
        return new PageQuery(after is not null ? SortOrder.Oldest : order.Value, position, size);
    }
}
