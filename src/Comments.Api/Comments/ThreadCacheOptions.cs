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
}
