using Comments.Core.Comments;
using FluentValidation;

namespace Comments.Core.Submissions;

/// <summary>
/// Step 2 of the pipeline, the part that needs nothing but the request: presence, byte limits,
/// characters, email and URL syntax. Property names are the JSON field names.
/// </summary>
public sealed class CommentSubmissionValidator : AbstractValidator<CommentSubmission>
{
    public static readonly CommentSubmissionValidator RequiringIdentity = new(requireNameAndEmail: true);
    public static readonly CommentSubmissionValidator Anonymous = new(requireNameAndEmail: false);

    private CommentSubmissionValidator(bool requireNameAndEmail)
    {
        RuleFor(s => s.ThreadId).Must(Ids.IsThread).OverridePropertyName("thread")
            .WithErrorCode(ErrorCodes.InvalidThreadId)
            .WithMessage($"A thread id is 1 to {FieldLimits.ThreadIdLength} characters: letters, digits, '-', '_', '.', ':' or '~'.");

        RuleFor(s => s.Text).CommentText();

        if (requireNameAndEmail)
        {
            RuleFor(s => s.AuthorName).Visible("authorName", "Name is required.");
            RuleFor(s => s.AuthorEmail).Must(e => !string.IsNullOrWhiteSpace(e)).OverridePropertyName("authorEmail")
                .WithErrorCode(ErrorCodes.Required).WithMessage("Email is required.");
        }
        Text(RuleFor(s => s.AuthorName), "authorName", FieldLimits.AuthorNameBytes, multiline: false);
        Text(RuleFor(s => s.AuthorEmail), "authorEmail", FieldLimits.AuthorEmailBytes, multiline: false)
            .Must(e => string.IsNullOrWhiteSpace(e) || TextChecks.IsEmail(e.Trim()))
            .WithErrorCode(ErrorCodes.InvalidEmail).WithMessage("Enter a valid email address.");
        Text(RuleFor(s => s.AuthorUrl), "authorUrl", FieldLimits.AuthorUrlBytes, multiline: false)
            .Must(u => string.IsNullOrWhiteSpace(u) || TextChecks.IsHttpUrl(u.Trim()))
            .WithErrorCode(ErrorCodes.InvalidUrl).WithMessage("A website must be an http:// or https:// address.");
        Text(RuleFor(s => s.ThreadTitle), "threadTitle", FieldLimits.ThreadTitleBytes, multiline: false);
        Text(RuleFor(s => s.ThreadUrl), "threadUrl", FieldLimits.ThreadUrlBytes, multiline: false)
            .Must(u => string.IsNullOrWhiteSpace(u) || TextChecks.IsHttpUrl(u.Trim()))
            .WithErrorCode(ErrorCodes.InvalidUrl).WithMessage("A thread URL must be an http:// or https:// address.");
        RuleFor(s => s.ParentId).Must(p => p is null || Ids.IsComment(p))
            .OverridePropertyName("parentId").WithErrorCode(ErrorCodes.ParentNotFound)
            .WithMessage("The comment you reply to does not exist.");
        RuleFor(s => s.IdempotencyKey)
            .Must(k => k is null || Ids.IsIdempotencyKey(k))
            .OverridePropertyName("Idempotency-Key").WithErrorCode(ErrorCodes.Validation)
            .WithMessage($"An Idempotency-Key is 1 to {FieldLimits.IdempotencyKeyLength} visible ASCII characters.");
    }

    private static IRuleBuilderOptions<CommentSubmission, string?> Text(
        IRuleBuilderInitial<CommentSubmission, string?> rule, string field, int maxBytes, bool multiline) =>
        rule.Cascade(CascadeMode.Stop).CheckedText(field, maxBytes, multiline);
}
