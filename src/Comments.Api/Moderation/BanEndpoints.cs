using System.Net;
using Comments.Api.Infrastructure;
using FluentValidation;
using Comments.Api.Sites;
using Comments.Core;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Bans by email, IP or name, given directly or taken from a comment's author; they apply to the next submission.</summary>
public static class BanEndpoints
{
    private const long MaxBodyBytes = 16 * 1024;
    private static readonly string[] Kinds = ["email", "ip", "name"];

    public static void MapBanEndpoints(this RouteGroupBuilder site)
    {
        site.MapGet("/bans", List)
            .WithName("ListBans")
            .WithSummary("The bans in force, newest first, with who made them and when they end.");
        site.MapPost("/bans", AddBan)
            .WithName("Ban")
            .WithSummary("Ban an email, an IP or a name (value, or the author of commentId), for good or until expiresAt.")
            .WithValidation(ModerationJson.Default.BanRequest, MaxBodyBytes);
        site.MapPost("/bans/lift", Unban)
            .WithName("Unban")
            .WithSummary("Lift a ban given the same way it was made, or by its id from the list.")
            .WithValidation(ModerationJson.Default.LiftBanRequest, MaxBodyBytes)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<BanListResponse>> List(HttpContext http, ModerationService service, CancellationToken ct)
    {
        var bans = await service.BansAsync(SiteFilter.Site(http).Id, ct);
        return TypedResults.Ok(new BanListResponse(bans.Select(b => new BanListItem(
            Ban.IdOf(b.Kind, b.Value), Name(b.Kind), b.Shown ?? b.Value, b.Reason, b.By, b.At, b.ExpiresAt)).ToList()));
    }

    public static async Task<Results<Ok<BanResponse>, ProblemHttpResult>> AddBan(
        HttpContext http, ModerationService service, ICommentStore comments, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<BanRequest>(http);
        var (target, refused) = await ResolveAsync(site.Id, body.Kind!, body.Value, body.CommentId, comments, digests, ct);
        if (refused is not null) return refused;

        await service.BanAsync(ModerationApi.Who(http), site.Id, new Ban(target!.Kind, target.Value, body.ExpiresAt, body.Reason), target.Shown, ct);
        return TypedResults.Ok(new BanResponse(Name(target.Kind), target.Shown, body.ExpiresAt));
    }

    public static async Task<Results<Ok<BanResponse>, ProblemHttpResult>> Unban(
        HttpContext http, ModerationService service, ICommentStore comments, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<LiftBanRequest>(http);
        var (target, refused) = body.Id is not null
            ? await ResolveListedAsync(site.Id, body.Id, service, ct)
            : await ResolveAsync(site.Id, body.Kind!, body.Value, body.CommentId, comments, digests, ct);
        if (refused is not null) return refused;

        await service.UnbanAsync(ModerationApi.Who(http), site.Id, target!.Kind, target.Value, target.Shown, ct);
        return TypedResults.Ok(new BanResponse(Name(target.Kind), target.Shown, null));
    }

    private sealed record Target(BanKind Kind, string Value, string Shown);

    private static async Task<(Target?, ProblemHttpResult?)> ResolveListedAsync(string site, string id, ModerationService service, CancellationToken ct)
    {
        // The validator checked its form; an id that still does not parse matches no ban.
        var parsed = Ban.TryParseId(id, out var kind, out var value);
        var ban = parsed ? (await service.BansAsync(site, ct)).FirstOrDefault(b => b.Kind == kind && b.Value == value) : null;
        return ban is null
            ? (null, Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.BanNotFound, "No such ban in force.", [new FieldError("id", ErrorCodes.BanNotFound, "Not in the ban list.")]))
            : (new Target(kind, value, ban.Shown ?? value), null);
    }

    /// <summary>Kind and value (or comment) as the validator let them through: a known kind, exactly one of value and commentId.</summary>
    private static async Task<(Target?, ProblemHttpResult?)> ResolveAsync(string site, string kindName, string? value, string? commentId,
        ICommentStore comments, StoreDigests digests, CancellationToken ct)
    {
        var kind = Enum.Parse<BanKind>(kindName, ignoreCase: true);
        if (commentId is { } id)
        {
            var comment = await comments.FindAsync(site, id, ct);
            if (comment is null) return (null, ActionEndpoints.Invalid("commentId", "No such comment."));
            value = kind switch { BanKind.Email => comment.AuthorEmail, BanKind.Ip => comment.Ip, _ => comment.AuthorName };
            if (value is null) return (null, ActionEndpoints.Invalid("kind", "That comment has no email."));
        }

        switch (kind)
        {
            case BanKind.Email:
                if (!TextChecks.IsEmail(value!.Trim())) return (null, ActionEndpoints.Invalid("value", "Not an email address."));
                await digests.ReadyAsync(ct);
                return (new Target(kind, digests.Email(value), MaskEmail(value.Trim())), null);
            case BanKind.Ip:
                if (!IPAddress.TryParse(value!.Trim(), out var ip)) return (null, ActionEndpoints.Invalid("value", "Not an IP address."));
                var text = (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
                return (new Target(kind, text, text), null);
            default:
                if (string.IsNullOrWhiteSpace(value) || TextChecks.Utf8Bytes(value) > FieldLimits.AuthorNameBytes)
                    return (null, ActionEndpoints.Invalid("value", $"A name is 1 to {FieldLimits.AuthorNameBytes} bytes."));
                return (new Target(kind, AuthorKeys.NameKey(value.Trim()), value.Trim()), null);
        }
    }

    /// <summary>The audit log shows enough of an email to recognise it, not the address itself.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    private static string Name(BanKind kind) => kind.ToLowerName();

    /// <summary>The rules a ban and a lift share: a known kind, and exactly one of value and commentId.</summary>
    internal static void KindAndTarget<T>(AbstractValidator<T> validator, Func<T, string?> kind, Func<T, string?> value, Func<T, string?> commentId)
    {
        validator.RuleFor(r => kind(r)).Must(k => k is not null && Kinds.Contains(k)).OverridePropertyName("kind")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("kind is email, ip or name.");
        validator.RuleFor(r => r).Must(r => (value(r) is null) != (commentId(r) is null)).OverridePropertyName("value")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("Give either value or commentId.");
    }
}

public sealed class BanRequestValidator : RequestValidator<BanRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public BanRequestValidator(TimeProvider clock)
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).OverridePropertyName("expiresAt")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("expiresAt must be in the future (or left out for a permanent ban).");
        RuleFor(r => r.Reason).Must(r => r is not { Length: > 500 }).OverridePropertyName("reason")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("reason is at most 500 characters.");
        BanEndpoints.KindAndTarget(this, r => r.Kind, r => r.Value, r => r.CommentId);
    }
}

/// <summary>By the listed <c>id</c>, or as a ban is made.</summary>
public sealed class LiftBanRequestValidator : RequestValidator<LiftBanRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public LiftBanRequestValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Id).Must(id => Ban.TryParseId(id, out _, out _)).OverridePropertyName("id")
            .WithErrorCode(ErrorCodes.ModerationInvalid).WithMessage("An id is kind:value, as the ban list shows it.")
            .When(r => r.Id is not null);
        When(r => r.Id is null, () => BanEndpoints.KindAndTarget(this, r => r.Kind, r => r.Value, r => r.CommentId));
    }
}
