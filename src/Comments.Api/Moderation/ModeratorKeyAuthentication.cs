using System.Security.Claims;
using System.Text.Encodings.Web;
using Comments.Api.Infrastructure;
using Comments.Core.Moderation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using Comments.Core.Submissions;

namespace Comments.Api.Moderation;

/// <summary>
/// Authenticates moderators by API key: <c>Authorization: Bearer &lt;key&gt;</c>, or for the
/// moderator hub (where browsers cannot set headers on WebSockets) the <c>access_token</c> query.
/// Challenges and refusals are ProblemDetails like every other error.
/// </summary>
public sealed class ModeratorKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ModeratorKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ModeratorKey";
    public const string PolicyName = "moderator";
    private const string SiteClaim = "comments:site";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey();
        if (key is null) return AuthenticateResult.NoResult();
        var moderator = await keys.FindAsync(key, Context.RequestAborted);
        if (moderator is null) return AuthenticateResult.Fail("Unknown moderator key.");
        var claims = new List<Claim> { new(ClaimTypes.Name, moderator.Name), new(ClaimTypes.Role, moderator.Role.ToString()) };
        claims.AddRange(moderator.Sites.Select(s => new Claim(SiteClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = PresentedKey() is null
            ? Problems.Of(StatusCodes.Status401Unauthorized, ErrorCodes.AuthMissingKey, "A moderator key is required (Authorization: Bearer <key>).")
            : Problems.Of(StatusCodes.Status401Unauthorized, ErrorCodes.AuthInvalidKey, "The moderator key is not valid.");
        await problem.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.AuthForbiddenSite, "This key may not moderate that site.").ExecuteAsync(Context);

    private string? PresentedKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments(ModerationApi.HubPath) && Request.Query["access_token"].ToString() is { Length: > 0 } token)
            return token;
        return null;
    }

    /// <summary>The moderator an authenticated principal stands for.</summary>
    public static Moderator ModeratorOf(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        Enum.TryParse<ModeratorRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : ModeratorRole.Moderator,
        user.FindAll(SiteClaim).Select(c => c.Value).ToArray());
}
