using Comments.Core.Comments;
using Comments.Core.Storage;

namespace Comments.Core.Submissions;

public enum ProblemKind { Invalid, SiteNotFound, Conflict, TooManyRequests, Unprocessable }

public sealed record FieldError(string Field, string Code, string Message);

/// <summary>Why a submission was refused before anything was stored.</summary>
public sealed record SubmissionProblem(
    ProblemKind Kind,
    string Code,
    string Title,
    IReadOnlyList<FieldError> Errors,
    TimeSpan? RetryAfter = null)
{
    public static SubmissionProblem Field(string field, string code, string message) =>
        new(ProblemKind.Invalid, code, message, [new FieldError(field, code, message)]);
}

/// <summary>Exactly one of the three is set.</summary>
public sealed record SubmissionResult(SubmissionAnswer? Answer, Comment? Stored, SubmissionProblem? Problem)
{
    public bool Replayed => Answer is not null && Stored is null;
    public static SubmissionResult Refused(SubmissionProblem problem) => new(null, null, problem);
    public static SubmissionResult Replay(SubmissionAnswer answer) => new(answer, null, null);
}
