namespace Comments.Core.Sites;

/// <summary>The configured sites, by id. An unknown id is never created on the fly.</summary>
public sealed class SiteDirectory(IEnumerable<SiteOptions> sites)
{
    private readonly Dictionary<string, SiteOptions> _sites =
        sites.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public SiteOptions? Find(string id) => _sites.GetValueOrDefault(id);

    public IReadOnlyCollection<SiteOptions> All => _sites.Values;
}
