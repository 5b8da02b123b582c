using System.Net;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Bans by email, IP or name, given directly or taken from a comment's author; they apply to the next submission.</summary>
public static class BanEndpoints
{
    public static void MapBanEndpoints(this RouteGroupBuilder site)
    {
        site.MapGet("/bans", List)
            .WithName("ListBans")
            .WithSummary("The bans in force, newest first, with who made them and when they end.");
        site.MapPost("/bans", Ban)
            .WithName("Ban")
            .WithSummary("Ban an email, an IP or a name (value, or the author of commentId), for good or until expiresAt.")
            .Accepts<BanRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        site.MapPost("/bans/lift", Unban)
            .WithName("Unban")
            .WithSummary("Lift a ban given the same way it was made, or by its id from the list.")
            .Accepts<BanRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<BanListResponse>> List(HttpContext http, ModerationService service, CancellationToken ct)
    {
        var bans = await service.BansAsync(SiteFilter.Site(http).Id, ct);
        return TypedResults.Ok(new BanListResponse(bans.Select(b => new BanListItem(
            Core.Storage.Ban.IdOf(b.Kind, b.Value), Name(b.Kind), b.Shown ?? b.Value, b.Reason, b.By, b.At, b.ExpiresAt)).ToList()));
    }

    public static async Task<Results<Ok<BanResponse>, ProblemHttpResult>> Ban(
        HttpContext http, ModerationService service, ICommentStore comments, StoreDigests digests, TimeProvider clock, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var (body, problem) = await JsonBody.ReadAsync(http.Request, ModerationJson.Default.BanRequest, 16 * 1024, ct);
        if (problem is not null) return problem;
        if (body!.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
            return ActionEndpoints.Invalid("expiresAt", "expiresAt must be in the future (or left out for a permanent ban).");
        if (body.Reason is { Length: > 500 }) return ActionEndpoints.Invalid("reason", "reason is at most 500 characters.");
        var (target, refused) = await ResolveAsync(site.Id, body, comments, digests, ct);
        if (refused is not null) return refused;

        await service.BanAsync(ModerationApi.Who(http), site.Id, new Ban(target!.Kind, target.Value, body.ExpiresAt, body.Reason), target.Shown, ct);
        return TypedResults.Ok(new BanResponse(Name(target.Kind), target.Shown, body.ExpiresAt));
    }

    public static async Task<Results<Ok<BanResponse>, ProblemHttpResult>> Unban(
        HttpContext http, ModerationService service, ICommentStore comments, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var (body, problem) = await JsonBody.ReadAsync(http.Request, ModerationJson.Default.BanRequest, 16 * 1024, ct);
        if (problem is not null) return problem;
        var (target, refused) = body!.Id is not null
            ? await ResolveListedAsync(site.Id, body.Id, service, ct)
            : await ResolveAsync(site.Id, body, comments, digests, ct);
        if (refused is not null) return refused;

        await service.UnbanAsync(ModerationApi.Who(http), site.Id, target!.Kind, target.Value, target.Shown, ct);
        return TypedResults.Ok(new BanResponse(Name(target.Kind), target.Shown, null));
    }

    private sealed record Target(BanKind Kind, string Value, string Shown);

    private static async Task<(Target?, ProblemHttpResult?)> ResolveListedAsync(string site, string id, ModerationService service, CancellationToken ct)
    {
        if (!Core.Storage.Ban.TryParseId(id, out var kind, out var value))
            return (null, ActionEndpoints.Invalid("id", "An id is kind:value, as the ban list shows it."));
        var ban = (await service.BansAsync(site, ct)).FirstOrDefault(b => b.Kind == kind && b.Value == value);
        return ban is null
            ? (null, Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.BanNotFound, "No such ban in force.", [new FieldError("id", ErrorCodes.BanNotFound, "Not in the ban list.")]))
            : (new Target(kind, value, ban.Shown ?? value), null);
    }

    private static async Task<(Target?, ProblemHttpResult?)> ResolveAsync(string site, BanRequest body, ICommentStore comments, StoreDigests digests, CancellationToken ct)
    {
        if (body.Kind is not ("email" or "ip" or "name")) return (null, ActionEndpoints.Invalid("kind", "kind is email, ip or name."));
        var kind = Enum.Parse<BanKind>(body.Kind, ignoreCase: true);
        if ((body.Value is null) == (body.CommentId is null))
            return (null, ActionEndpoints.Invalid("value", "Give either value or commentId."));

        var value = body.Value;
        if (body.CommentId is { } id)
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

    private static string Name(BanKind kind) => kind.ToString().ToLowerInvariant();
}
