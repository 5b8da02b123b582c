using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Events;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Telemetry;
using Comments.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Comments.Core.Submissions;

/// <summary>
/// The submission pipeline of design.md: validate → normalise and render → bans → flood and
/// duplicates → decision rules → site mode → store → one event. Nothing is stored unless every
/// check passed, and the comment and its indexes are stored in one transaction.
/// </summary>
public sealed class SubmissionPipeline(
    ICommentStore store,
    ISubmissionGuards guards,
    CommentRenderer renderer,
    IEnumerable<IDecisionRule> rules,
    ICommentEventPublisher events,
    StoreDigests digests,
    TimeProvider clock,
    ILogger<SubmissionPipeline>? logger = null)
{
    private readonly IDecisionRule[] _rules = rules.OrderBy(r => r.Order).ToArray();
    private readonly ILogger _logger = logger ?? NullLogger<SubmissionPipeline>.Instance;

    /// <summary>
    /// One submission, traced (a <c>comment.submit</c> span with a child per step), counted by
    /// decision and reason, and logged once (<see cref="DecisionLog"/>).
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(SiteOptions site, CommentSubmission submission, CancellationToken ct = default)
    {
        using var span = CommentsDiagnostics.Source.StartActivity("comment.submit");
        span?.SetTag("comments.site", site.Id);
        span?.SetTag("comments.thread", submission.ThreadId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var timings = new StepTimings();
        var result = await SubmitTracedAsync(site, submission, timings, ct);
        SubmissionOutcome.Record(_logger, span, site, submission, result, timings.RulesSeconds,
            CommentsDiagnostics.Seconds(started, System.Diagnostics.Stopwatch.GetTimestamp()));
        return result;
    }

    private async Task<SubmissionResult> SubmitTracedAsync(SiteOptions site, CommentSubmission submission, StepTimings timings, CancellationToken ct)
    {
        var key = Ids.IsIdempotencyKey(submission.IdempotencyKey) ? submission.IdempotencyKey : null;
        var request = key is null ? null : RequestDigest.Of(submission);
        if (key is not null && await guards.FindAnswerAsync(site.Id, key, ct) is { } earlier)
            return Replay(earlier, request!);

        var result = await SubmitOnceAsync(site, submission, request, timings, ct);

        // A concurrent retry of the same request can lose the race to the first one and trip the
        // duplicate or flood guard; the client must still get the first answer.
        if (result.Problem is not null && key is not null && await guards.FindAnswerAsync(site.Id, key, ct) is { } first)
            return Replay(first, request!);
        return result;
    }

    /// <summary>
    /// The first answer, but only to the same request: a key reused with another request (another
    /// body, thread or site) is refused and learns nothing of the first one (IETF Idempotency-Key
    /// draft, 422). Answers stored before digests were kept carry none and are refused too.
    /// </summary>
    private static SubmissionResult Replay(SubmissionAnswer earlier, string request) =>
        earlier.RequestDigest is { } digest && RequestDigest.Same(digest, request)
            ? SubmissionResult.Replay(earlier)
            : SubmissionResult.Refused(new SubmissionProblem(ProblemKind.Unprocessable, ErrorCodes.IdempotencyKeyReused,
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
                [new FieldError("Idempotency-Key", ErrorCodes.IdempotencyKeyReused, "The key belongs to another request.")]));

    /// <summary>
    /// Steps 3–9 for an author's edit: the new text is judged exactly as a new comment with it
    /// would be (bans, word lists, links, model, trust, site mode). Returns the status it would
    /// get (null: published) with the reasons and scores. Nothing is stored here.
    /// </summary>
    public async Task<EditReview> ReviewEditAsync(SiteOptions site, Comment comment, string text, CancellationToken ct = default)
    {
        var submission = new CommentSubmission
        {
            Site = site.Id,
            ThreadId = comment.ThreadId,
            Text = text,
            AuthorName = comment.AuthorName,
            AuthorEmail = comment.AuthorEmail,
            AuthorUrl = comment.AuthorUrl,
            ParentId = comment.ParentId,
            Ip = comment.Ip,
            UserAgent = comment.UserAgent,
        };
        await digests.ReadyAsync(ct);
        var author = comment.AuthorEmail is { } email ? digests.Email(email) : null;
        var threadLookup = store.GetThreadAsync(site.Id, comment.ThreadId, ct);
        var banLookup = guards.FindBanAsync(site.Id, author, comment.Ip, AuthorKeys.NameKey(comment.AuthorName), ct);
        await Task.WhenAll(threadLookup, banLookup);
        var context = new SubmissionContext(site, submission, TextNormalizer.Normalize(text), await threadLookup) { AuthorDigest = author };
        var status = await DecideAsync(context, Banned(context, await banLookup), ct);
        return new EditReview(status, context.Reasons, context.Scores);
    }

    private static CommentStatus? Banned(SubmissionContext context, Ban? ban)
    {
        if (ban is null) return null;
        context.Reasons.Add(new CommentReason($"ban.{ban.Kind.ToLowerName()}", ban.Reason ?? "The author is banned."));
        return CommentStatus.Rejected;
    }

    /// <summary>Steps 6–9: the decision rules in order (the first that decides ends the run), then the site's mode.</summary>
    private async Task<CommentStatus?> DecideAsync(SubmissionContext context, CommentStatus? status, CancellationToken ct)
    {
        foreach (var rule in _rules)
        {
            if (status is not null) break;
            status = await rule.DecideAsync(context, ct);
        }
        if (status is null && context.Site.ModerationMode == ModerationMode.Pre)
        {
            context.Reasons.Add(new CommentReason("site.pre_moderation", "Every comment on this site waits for a moderator."));
            status = CommentStatus.Pending;
        }
        return status;
    }

    private async Task<SubmissionResult> SubmitOnceAsync(SiteOptions site, CommentSubmission submission, string? request, StepTimings timings, CancellationToken ct)
    {
        var validator = site.RequireNameAndEmail ? CommentSubmissionValidator.RequiringIdentity : CommentSubmissionValidator.Anonymous;
        var step = CommentsDiagnostics.Source.StartActivity("comment.validate");
        var validation = await validator.ValidateAsync(submission, ct);
        step?.Dispose();
        if (!validation.IsValid)
        {
            var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorCode, e.ErrorMessage)).ToList();
            return SubmissionResult.Refused(new SubmissionProblem(ProblemKind.Invalid, ErrorCodes.Validation,
                "The comment has errors.", errors));
        }

        var text = submission.Text!;
        var normalized = TextNormalizer.Normalize(text);
        var digest = AuthorKeys.TextDigest(normalized);
        var email = string.IsNullOrWhiteSpace(submission.AuthorEmail) ? null : submission.AuthorEmail.Trim();
        var name = TextChecks.HasVisibleText(submission.AuthorName) ? submission.AuthorName!.Trim() : null;
        // The digests' key is read before anything is looked up or stored (a 503 if it cannot be).
        await digests.ReadyAsync(ct);
        var author = email is null ? null : digests.Email(email);

        // The lookups are independent: send them together (one round trip on a pipelined
        // connection) and judge their answers in the pipeline's order.
        step = CommentsDiagnostics.Source.StartActivity("comment.lookups");
        var lookupsStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var threadLookup = store.GetThreadAsync(site.Id, submission.ThreadId, ct);
        var parentLookup = submission.ParentId is { } parentId ? store.GetAsync(site.Id, parentId, ct) : Task.FromResult<Comment?>(null);
        var banLookup = guards.FindBanAsync(site.Id, author, submission.Ip,
            name is null ? null : AuthorKeys.NameKey(name), ct);
        var duplicateLookup = guards.IsDuplicateAsync(site.Id, submission.ThreadId, digest, ct);
        // The flood window is only read here; the save opens it in the comment's own transaction,
        // on the condition that it is still closed (one round trip less than a transaction of its own).
        var flood = FloodWindowOf(site, submission, author);
        var floodLookup = flood is null ? Task.FromResult<TimeSpan?>(null) : guards.FloodWaitAsync(site.Id, flood.Keys, ct);
        // The comment's number is taken in the same round trip as the lookups, not in one of its own
        // after the rules: a refused submission leaves a gap in the sequence, which orders comments
        // and never has to be contiguous.
        var sequence = store.NextSequenceAsync(site.Id, ct);
        await Task.WhenAll(threadLookup, parentLookup, banLookup, duplicateLookup, floodLookup, sequence);
        CommentsDiagnostics.RecordStore("lookups", lookupsStarted);
        step?.Dispose();

        var thread = await threadLookup;
        if (thread is not null && IsClosed(site, thread))
        {
            return SubmissionResult.Refused(new SubmissionProblem(ProblemKind.Conflict, ErrorCodes.ThreadClosed,
                "This thread is closed to new comments.", [new FieldError("thread", ErrorCodes.ThreadClosed, "This thread is closed.")]));
        }

        var depth = 0;
        if (submission.ParentId is not null)
        {
            var parent = await parentLookup;
            var problem = ParentProblem(site, submission, parent);
            if (problem is not null) return SubmissionResult.Refused(problem);
            depth = parent!.Depth + 1;
        }

        var context = new SubmissionContext(site, submission, normalized, thread) { AuthorDigest = author };
        var status = Banned(context, await banLookup);

        if (await duplicateLookup) return Duplicate();

        if (await floodLookup is { } wait) return Flooded(wait);

        step = CommentsDiagnostics.Source.StartActivity("comment.decide");
        var rulesStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        status = await DecideAsync(context, status, ct);
        timings.RulesSeconds = CommentsDiagnostics.Seconds(rulesStarted, System.Diagnostics.Stopwatch.GetTimestamp());
        step?.Dispose();

        step = CommentsDiagnostics.Source.StartActivity("comment.store");
        var seq = await sequence;
        var comment = new Comment
        {
            Id = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Seq = seq,
            Site = site.Id,
            ThreadId = submission.ThreadId,
            ParentId = submission.ParentId,
            Depth = depth,
            Text = text,
            Html = renderer.Render(text),
            AuthorName = name ?? "Anonymous",
            AuthorEmail = email,
            AuthorUrl = SiteUrls.Website(submission.AuthorUrl),
            Ip = submission.Ip,
            UserAgent = submission.UserAgent,
            Status = status ?? CommentStatus.Published,
            CreatedAt = clock.GetUtcNow(),
            SpamScore = context.Scores?.Spam,
            ToxicityScore = context.Scores?.Toxicity,
            ModelVersion = context.Scores?.ModelVersion,
            Reasons = context.Reasons,
            AuthorNonce = AuthorTokens.NewNonce(),
        };
        var published = comment.Status == CommentStatus.Published;
        var answer = new SubmissionAnswer(comment.Id, published, published ? PublicComment.From(comment) : null, comment.AuthorNonce) { RequestDigest = request };
        var idempotency = submission.IdempotencyKey is { } k ? new IdempotentAnswer(k, answer) : null;

        var saveStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await store.SaveNewAsync(new NewCommentWrite(comment, digest,
            Trimmed(submission.ThreadTitle), SiteUrls.ThreadPage(site, submission.ThreadUrl), idempotency, author, Flood: flood), ct);
        CommentsDiagnostics.RecordStore("save", saveStarted);
        step?.Dispose();
        // A lost race: the caller replays the first answer when the key was taken.
        if (outcome.Status == SaveStatus.Flooded) return Flooded(outcome.RetryAfter ?? TimeSpan.FromSeconds(1));
        if (outcome.Status != SaveStatus.Saved) return Duplicate();

        events.Publish(new CommentEvent(published ? CommentEventKind.Published : CommentEventKind.Held, comment, outcome.PublishedCount));
        return new SubmissionResult(answer, comment, null);
    }

    public static bool IsClosed(SiteOptions site, CommentThread thread, DateTimeOffset? now = null) =>
        thread.Closed
        || (site.AutoCloseAfterDays is { } days && (now ?? DateTimeOffset.UtcNow) > thread.CreatedAt.AddDays(days));

    private static SubmissionProblem? ParentProblem(SiteOptions site, CommentSubmission submission, Comment? parent)
    {
        if (parent is null || parent.Status == CommentStatus.Deleted)
            return SubmissionProblem.Field("parentId", ErrorCodes.ParentNotFound, "The comment you reply to does not exist.");
        if (parent.ThreadId != submission.ThreadId)
            return SubmissionProblem.Field("parentId", ErrorCodes.ParentOtherThread, "The comment you reply to is in another thread.");
        if (parent.Status != CommentStatus.Published)
            return SubmissionProblem.Field("parentId", ErrorCodes.ParentNotPublished, "The comment you reply to is not published.");
        if (parent.Depth + 1 > site.MaxDepth)
            return SubmissionProblem.Field("parentId", ErrorCodes.ParentTooDeep, "Replies cannot be nested any deeper here.");
        return null;
    }

    /// <summary>The author's flood keys (address, and email when given), or null when the site has no flood window.</summary>
    private FloodWindow? FloodWindowOf(SiteOptions site, CommentSubmission submission, string? author)
    {
        if (site.FloodIntervalSeconds <= 0) return null;
        var keys = new List<string> { "ip:" + digests.Address(submission.Ip) };
        if (author is not null) keys.Add("email:" + author);
        return new FloodWindow(keys, TimeSpan.FromSeconds(site.FloodIntervalSeconds));
    }

    /// <summary>A window that closed between the read and the answer still counts as a refusal: retry in a second.</summary>
    private static SubmissionResult Flooded(TimeSpan wait) =>
        SubmissionResult.Refused(new SubmissionProblem(ProblemKind.TooManyRequests, ErrorCodes.Flood,
            "You are posting comments too quickly. Slow down.", [], wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1)));

    private static SubmissionResult Duplicate() =>
        SubmissionResult.Refused(new SubmissionProblem(ProblemKind.Conflict, ErrorCodes.Duplicate,
            "You already said that in this thread.", [new FieldError("text", ErrorCodes.Duplicate, "This comment was already posted.")]));

    private static string? Trimmed(string? value) => TextChecks.HasVisibleText(value) ? value!.Trim() : null;
}

/// <summary>What the pipeline measured of one submission for its outcome's metrics and log line.</summary>
internal sealed class StepTimings
{
    /// <summary>Time of the decision rules; null when the submission was refused before them.</summary>
    public double? RulesSeconds { get; set; }
}

/// <param name="Status">What the edited text would get as a new comment; null when it would be published.</param>
public sealed record EditReview(CommentStatus? Status, IReadOnlyList<CommentReason> Reasons, Scoring.CommentScores? Scores);
