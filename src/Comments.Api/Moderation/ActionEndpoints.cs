using Comments.Core.Comments;
using Comments.Api.Infrastructure;
using FluentValidation;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Moderator actions on comments, one at a time or in bulk.</summary>
public static class ActionEndpoints
{
    public const int MaxBulk = 200;
    private const long MaxBodyBytes = FieldLimits.RequestBodyBytes;

    public static void MapActionEndpoints(this RouteGroupBuilder site)
    {
        site.MapPost("/comments/{id}/actions", Act)
            .WithName("ModerateComment")
            .WithSummary("approve, reject (with reason), spam, delete, restore, edit (with text), pin, unpin; answers the comment as it is now.")
            .WithValidation(ModerationJson.Default.ActionRequest, MaxBodyBytes)
            .ProducesProblem(StatusCodes.Status409Conflict);
        site.MapPost("/actions", ActInBulk)
            .WithName("ModerateComments")
            .WithSummary("One action on many comments; each gets its own result.")
            .WithValidation(ModerationJson.Default.BulkActionRequest, MaxBodyBytes);
    }

    public static async Task<Results<Ok<ModerationItem>, ProblemHttpResult>> Act(
        string id, HttpContext http, ModerationService service, ModerationItems items, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<ActionRequest>(http);
        var action = ParseAction(body.Action);
        var result = await ApplyAsync(ModerationApi.Who(http), site.Id, id, new ModerationCommand(action, body.Reason, body.Text), service, items, ct);
        return result.Item is { } item ? TypedResults.Ok(item) : result.Problem!;
    }

    public static async Task<Results<Ok<BulkActionResponse>, ProblemHttpResult>> ActInBulk(
        HttpContext http, ModerationService service, ModerationItems items, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<BulkActionRequest>(http);
        var ids = body.Ids!;
        var action = ParseAction(body.Action);

        var who = ModerationApi.Who(http);
        var results = new List<BulkItemResult>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var result = await ApplyAsync(who, site.Id, id, new ModerationCommand(action, body.Reason), service, items, ct);
            results.Add(new BulkItemResult(id, result.Item is null ? result.Problem!.StatusCode : StatusCodes.Status200OK,
                result.Item is null ? result.Problem!.ProblemDetails.Extensions["code"] as string : null, result.Item));
        }
        return TypedResults.Ok(new BulkActionResponse(results));
    }

    private sealed record Applied(ModerationItem? Item, ProblemHttpResult? Problem);

    private static async Task<Applied> ApplyAsync(Moderator who, string site, string id, ModerationCommand command,
        ModerationService service, ModerationItems items, CancellationToken ct)
    {
        if (!Ids.IsComment(id)) return new(null, NotFound());
        var result = await service.ApplyAsync(who, site, id, command, ct);
        switch (result.Kind)
        {
            case ModerationResultKind.NotFound:
                return new(null, NotFound());
            case ModerationResultKind.Refused when result.Code == ErrorCodes.ModerationInvalid:
                return new(null, Invalid(command.Action == ModerationAction.Edit ? "text" : "reason", result.Message!,
                    (result.Outcome?.Decision as Decision.Refused)?.FieldCode));
            case ModerationResultKind.Refused:
                return new(null, Problems.Of(StatusCodes.Status409Conflict, result.Code!, result.Message!));
        }
        return new(await items.OneAsync(result.Outcome!.After, ct), null);
    }

    /// <summary>An action name as sent: lower case, one of <see cref="ModerationAction"/>.</summary>
    public static bool IsAction(string? value) =>
        value is { Length: > 0 } && value.All(char.IsAsciiLetterLower) && Enum.TryParse<ModerationAction>(value, ignoreCase: true, out _);

    /// <summary>An action its validator accepted.</summary>
    private static ModerationAction ParseAction(string? value) => Enum.Parse<ModerationAction>(value!, ignoreCase: true);

    public const string ActionMessage = "action is one of: approve, reject, spam, delete, restore, edit, pin, unpin.";

    private static ProblemHttpResult NotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");

    /// <param name="fieldCode">The shared field rule's code when there is one (the edit's text); else <c>moderation.invalid</c>.</param>
    public static ProblemHttpResult Invalid(string field, string message, string? fieldCode = null) =>
        Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.ModerationInvalid, "The request has errors.",
            [new FieldError(field, fieldCode ?? ErrorCodes.ModerationInvalid, message)]);
}

public sealed class ActionRequestValidator : RequestValidator<ActionRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public ActionRequestValidator() =>
        RuleFor(r => r.Action).Must(ActionEndpoints.IsAction).OverridePropertyName("action")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage(ActionEndpoints.ActionMessage);
}

/// <summary>The ids first, then the action; the first failing rule is the answer.</summary>
public sealed class BulkActionRequestValidator : RequestValidator<BulkActionRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public BulkActionRequestValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Ids).Must(ids => ids is { Length: > 0 and <= ActionEndpoints.MaxBulk }).OverridePropertyName("ids")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage($"ids lists 1 to {ActionEndpoints.MaxBulk} comment ids.");
        RuleFor(r => r.Action).Cascade(CascadeMode.Stop)
            .Must(ActionEndpoints.IsAction).OverridePropertyName("action")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage(ActionEndpoints.ActionMessage)
            .Must(a => a != "edit")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("edit works on one comment at a time.");
    }
}
