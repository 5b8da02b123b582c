using System.Xml;
using Comments.Core.Comments;

namespace Comments.Storage.Import;

/// <summary>A post (WordPress) or thread (Disqus) as its comments refer to it.</summary>
public sealed record SourceThread(string SourceId, string ThreadId, string? Title, string? Url, DateTimeOffset PublishedAt);

/// <summary>
/// One comment row of an export file, read as it is. <see cref="Status"/> is null when the row's
/// state has no status of ours (<see cref="RawStatus"/> says which); <see cref="ParentId"/> is the
/// source's id of the parent, null at top level.
/// </summary>
public sealed record SourceComment(
    string SourceId,
    string? ParentId,
    SourceThread Thread,
    string AuthorName,
    string? Email,
    string? Url,
    string? Ip,
    DateTimeOffset CreatedAt,
    string Content,
    CommentStatus? Status,
    string RawStatus,
    string Type);

/// <summary>How every export file is read: one element at a time, no DTD (no entity expansion from a file we did not write).</summary>
public static class SourceXml
{
    public static XmlReader Open(Stream stream) => XmlReader.Create(stream,
        new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
}
