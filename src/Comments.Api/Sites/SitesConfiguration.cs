using Comments.Core.Sites;

namespace Comments.Api.Sites;

public static class SitesConfiguration
{
    /// <summary>
    /// Reads the <c>Sites</c> section, keyed by site id (<c>Sites__blog1__ModerationMode=Pre</c>),
    /// and fails start-up on a site that could never work.
    /// </summary>
    public static IServiceCollection AddSites(this IServiceCollection services, IConfiguration configuration)
    {
        var sites = new List<SiteOptions>();
        foreach (var section in configuration.GetSection("Sites").GetChildren())
        {
            var site = section.Get<SiteOptions>() ?? new SiteOptions();
            site.Id = section.Key;
            if (string.IsNullOrEmpty(site.DisplayName)) site.DisplayName = section.Key;
            sites.Add(site);
        }
        var errors = sites.SelectMany(Validate).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid Sites configuration: " + string.Join(" ", errors));
        services.AddSingleton(new SiteDirectory(sites));
        return services;
    }

    private static IEnumerable<string> Validate(SiteOptions site)
    {
        if (site.Id.Length is 0 or > 64 || !site.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            yield return $"Site id '{site.Id}' must be 1 to 64 lower-case letters, digits, '-' or '_'.";
        if (site.MaxDepth is < 0 or > 50) yield return $"Sites:{site.Id}:MaxDepth must be between 0 and 50.";
        if (site.FloodIntervalSeconds < 0) yield return $"Sites:{site.Id}:FloodIntervalSeconds must not be negative.";
        if (site.FlagThreshold < 1) yield return $"Sites:{site.Id}:FlagThreshold must be at least 1.";
        if (site.AutoCloseAfterDays is <= 0) yield return $"Sites:{site.Id}:AutoCloseAfterDays must be positive (or unset).";
    }
}
