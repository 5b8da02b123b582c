using System.Text.Json;
using Comments.Core.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Comments.Api.Comments;

/// <summary>
/// A thread's public pages, rendered once per thread version and kept in this node's memory as the
/// UTF-8 JSON that is written to the response.
/// <para>
/// Keyed by version: a page is served from memory only when it was rendered at the thread's current
/// version. Every change a reader can see bumps the version in the same transaction as the change (new
/// comment, moderation that publishes, removes, edits or pins, thread details), so another node's write
/// makes this node's copy unreachable as soon as this node knows the new version: at once when the
/// version is read from the store per request, or once the change's message arrived when it comes from
/// this node's memory (<see cref="Storage.ThreadVersions"/>).
/// </para>
/// </summary>
public sealed class ThreadPageCache : IDisposable
{
    private readonly MemoryCache? _pages;
    private readonly JsonSerializerOptions _json;

    public ThreadPageCache(IOptions<ThreadCacheOptions> options, IOptions<JsonOptions> json)
    {
        _json = json.Value.SerializerOptions;
        var max = options.Value.MaxBytes;
        if (max > 0) _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = max, CompactionPercentage = 0.25 });
    }

    /// <summary>The page rendered at <paramref name="version"/>, or null.</summary>
    public byte[]? Find(string site, string thread, PageQuery query, long version, int maxDepth) =>
        _pages is not null && _pages.TryGetValue(Key(site, thread, query), out Page? page)
            && page!.Version == version && page.MaxDepth == maxDepth
            ? page.Body
            : null;

    /// <summary>Renders <paramref name="response"/> and keeps it as the page of <paramref name="version"/>.</summary>
    /// <param name="version">
    /// The version read before the page: the page is at least that new (a write in between only makes
    /// it newer, and bumps the version past this one, so the next request renders again).
    /// </param>
    public byte[] Render(string site, string thread, PageQuery query, long version, ThreadCommentsResponse response)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(response, _json.GetTypeInfo(typeof(ThreadCommentsResponse)));
        // A thread nobody has written to has no version to check against: not kept.
        if (_pages is not null && version > 0)
        {
            var key = Key(site, thread, query);
            _pages.Set(key, new Page(version, response.MaxDepth, body),
                new MemoryCacheEntryOptions { Size = body.Length + 2L * key.Length + 64 });
        }
        return body;
    }

    private static string Key(string site, string thread, PageQuery query) =>
        $"{site}\n{thread}\n{(int)query.Sort}\n{query.After}\n{query.Limit}";

    public void Dispose() => _pages?.Dispose();

    private sealed record Page(long Version, int MaxDepth, byte[] Body);
}
