using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Comments;

/// <summary>The <c>ThreadCache</c> section: the node's memory of rendered thread pages.</summary>
public sealed class ThreadCacheOptions
{
    public const string Section = "ThreadCache";

    /// <summary>
    /// Bytes of rendered pages one node keeps (the JSON as sent; a 100-comment page is about 35 kB).
    /// Least recently read pages go first when it is full; 0 turns the cache off.
    /// </summary>
    [Range(0, 4L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Seconds a thread's version, once read, is served from this node's memory (kept current by the store's
    /// thread-change messages, <see cref="Storage.ThreadVersions"/>), so a popular thread's GET needs no store read.
    /// Bounds how stale a page can be if a change's message is ever lost (a writer that does not publish); 0 reads
    /// the version from the store on every request.
    /// </summary>
    [Range(0, 3600)]
    public double VersionMaxAgeSeconds { get; set; } = 2;
}
