using Comments.Api.Infrastructure;
using Comments.Core.Sites;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Comments.Api.Sites;

public static class SitesConfiguration
{
    public const string Section = "Sites";

    /// <summary>
    /// Binds the <c>Sites</c> section, keyed by site id (<c>Sites__blog1__ModerationMode=Pre</c>),
    /// fails start-up on a site that could never work, and answers CORS per site (<see cref="SiteCors"/>).
    /// </summary>
    public static IServiceCollection AddSites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<Dictionary<string, SiteOptions>>(configuration, Section)
            .PostConfigure(sites =>
            {
                foreach (var (id, site) in sites)
                {
                    site.Id = id;
                    if (string.IsNullOrEmpty(site.DisplayName)) site.DisplayName = id;
                }
            });
        services.AddSingleton<IValidateOptions<Dictionary<string, SiteOptions>>, SitesValidation>();
        services.AddSingleton(sp => new SiteDirectory(sp.GetRequiredService<IOptions<Dictionary<string, SiteOptions>>>().Value.Values));
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, SiteCors>();
        return services;
    }

    private sealed class SitesValidation : IValidateOptions<Dictionary<string, SiteOptions>>
    {
        public ValidateOptionsResult Validate(string? name, Dictionary<string, SiteOptions> sites) =>
            sites.Values.SelectMany(SitesConfiguration.Validate).ToList() is { Count: > 0 } errors
                ? ValidateOptionsResult.Fail("Invalid Sites configuration: " + string.Join(" ", errors))
                : ValidateOptionsResult.Success;
    }

    private static IEnumerable<string> Validate(SiteOptions site)
    {
        if (site.Id.Length is 0 or > 64 || !site.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            yield return $"Site id '{site.Id}' must be 1 to 64 lower-case letters, digits, '-' or '_'.";
        if (site.MaxDepth is < 0 or > 50) yield return $"Sites:{site.Id}:MaxDepth must be between 0 and 50.";
        if (site.FloodIntervalSeconds < 0) yield return $"Sites:{site.Id}:FloodIntervalSeconds must not be negative.";
        if (site.FlagThreshold < 1) yield return $"Sites:{site.Id}:FlagThreshold must be at least 1.";
        for (var i = 0; i < site.Webhooks.Count; i++)
        {
            var hook = site.Webhooks[i];
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                yield return $"Sites:{site.Id}:Webhooks:{i}:Url must be an absolute http(s) URL.";
            if (hook.Secret.Length < 16) yield return $"Sites:{site.Id}:Webhooks:{i}:Secret must be at least 16 characters.";
            if (!Enum.IsDefined(hook.Format)) yield return $"Sites:{site.Id}:Webhooks:{i}:Format must be Json or Slack.";
            foreach (var e in hook.Events.Where(e => !WebhookEvents.All.Contains(e, StringComparer.OrdinalIgnoreCase)))
                yield return $"Sites:{site.Id}:Webhooks:{i}:Events has '{e}': each is one of {string.Join(", ", WebhookEvents.All)}.";
        }
        if (site.RetainPersonalDataDays < 0 || double.IsNaN(site.RetainPersonalDataDays) || site.RetainPersonalDataDays > 36_500)
            yield return $"Sites:{site.Id}:RetainPersonalDataDays must be between 0 (keep) and 36500.";
        if (!Enum.IsDefined(site.ErasedText)) yield return $"Sites:{site.Id}:ErasedText must be Keep or Delete.";
        if (site.FeedUrl is { Length: > 0 } feed && (!Uri.TryCreate(feed, UriKind.Absolute, out var feedUrl) || (feedUrl.Scheme != Uri.UriSchemeHttps && feedUrl.Scheme != Uri.UriSchemeHttp)))
            yield return $"Sites:{site.Id}:FeedUrl must be an absolute http(s) URL.";
        if (site.FeedPollMinutes is < 0.001 or > 44_640 || double.IsNaN(site.FeedPollMinutes))
            yield return $"Sites:{site.Id}:FeedPollMinutes must be between 0.001 and 44640.";
        if (site.SignupHeading?.Length > 200) yield return $"Sites:{site.Id}:SignupHeading must be at most 200 characters.";
        if (site.SignupText?.Length > 1000) yield return $"Sites:{site.Id}:SignupText must be at most 1000 characters.";
        if (site.AutoCloseAfterDays is <= 0) yield return $"Sites:{site.Id}:AutoCloseAfterDays must be positive (or unset).";
    }
}
