using Comments.Core.Submissions;

namespace Comments.Core.Sites;

/// <summary>How URLs from readers are kept: normalised, and a thread's page only on the site's own origins.</summary>
public static class SiteUrls
{
    /// <summary>The author's website as <see cref="Uri"/> normalises it (scheme and host lower-case, default port and dot segments dropped); null when empty.</summary>
    public static string? Website(string? url) =>
        !string.IsNullOrWhiteSpace(url) && TextChecks.IsHttpUrl(url.Trim()) ? new Uri(url.Trim()).AbsoluteUri : null;

    /// <summary>
    /// The thread's page as a reader's browser reported it, kept only when it is on one of the
    /// site's <see cref="SiteOptions.AllowedOrigins"/>, and without query or fragment (a reader's
    /// <c>?subscriber=…&amp;sid=…</c> must never be published). Anything else is dropped, not refused:
    /// the comment itself is fine.
    /// </summary>
    public static string? ThreadPage(SiteOptions site, string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !TextChecks.IsHttpUrl(url.Trim())) return null;
        var uri = new Uri(url.Trim());
        return SiteOrigins.IsAllowed(site, uri.GetLeftPart(UriPartial.Authority)) ? uri.GetLeftPart(UriPartial.Path) : null;
    }
}
