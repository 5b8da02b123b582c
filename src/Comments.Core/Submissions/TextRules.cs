using FluentValidation;

namespace Comments.Core.Submissions;

/// <summary>
/// The one rule for text a person sends, used by the submission, the author's edit and the
/// moderator's edit, so the same text gets the same error code wherever it is sent: well-formed
/// Unicode without noncharacters, no control characters (line breaks and tabs only in
/// multi-line text), no bidi overrides, at most so many UTF-8 bytes.
/// </summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> CheckedText<T>(this IRuleBuilder<T, string?> rule, string field, int maxBytes, bool multiline) =>
        rule.Must(TextChecks.IsWellFormedUtf16).OverridePropertyName(field)
            .WithErrorCode(ErrorCodes.InvalidUnicode).WithMessage("The text contains invalid Unicode (a lone surrogate).")
            .Must(v => !TextChecks.HasNoncharacters(v))
            .WithErrorCode(ErrorCodes.InvalidUnicode).WithMessage("The text contains a Unicode noncharacter (such as U+FFFE).")
            .Must(v => !TextChecks.HasControlCharacters(v, multiline))
            .WithErrorCode(ErrorCodes.ControlCharacters).WithMessage("The text contains control characters.")
            .Must(v => !TextChecks.HasBidiControls(v))
            .WithErrorCode(ErrorCodes.BidiControl).WithMessage("The text contains bidirectional override or isolate characters.")
            .Must(v => TextChecks.Utf8Bytes(v) <= maxBytes)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage($"At most {maxBytes} bytes (UTF-8).");

    /// <summary>Present and visible: white space or invisible characters alone count as missing.</summary>
    public static IRuleBuilderOptions<T, string?> Visible<T>(this IRuleBuilder<T, string?> rule, string field, string message) =>
        rule.Must(TextChecks.HasVisibleText).OverridePropertyName(field).WithErrorCode(ErrorCodes.Required).WithMessage(message);

    /// <summary>A comment's text: required and visible, then <see cref="CheckedText{T}"/> with the text limit.</summary>
    public static IRuleBuilderOptions<T, string?> CommentText<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).Visible("text", "Write a comment.").CheckedText("text", FieldLimits.TextBytes, multiline: true);
}

/// <summary>New text for an existing comment, from its author or a moderator.</summary>
public sealed record EditedText(string? Text);

public sealed class EditedTextValidator : AbstractValidator<EditedText>
{
    public static readonly EditedTextValidator Instance = new();

    private EditedTextValidator() => RuleFor(e => e.Text).CommentText();

    /// <summary>The first problem with the text, or null when it may be stored.</summary>
    public static FieldError? Check(string? text) =>
        Instance.Validate(new EditedText(text)).Errors is [var first, ..] ? new FieldError("text", first.ErrorCode, first.ErrorMessage) : null;
}
