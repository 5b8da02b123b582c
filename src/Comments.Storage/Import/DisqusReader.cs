using System.Globalization;
using System.Xml;
using Comments.Core.Comments;

namespace Comments.Storage.Import;

/// <summary>
/// Reads a Disqus XML export (https://help.disqus.com/en/articles/1717164-comments-export): every
/// <c>thread</c> first, then every <c>post</c> naming its thread and parent by <c>dsq:id</c>. Posts are
/// returned as they are read; the threads (not their posts) are kept in memory to name each post's thread.
/// <c>isSpam</c> → spam, <c>isDeleted</c> → deleted, else published. Thread ids come from the thread's
/// <c>link</c> as for WordPress (<see cref="ThreadIds"/>), <c>d-{dsq:id}</c> without one.
/// </summary>
public static class DisqusReader
{
    public const string Internals = "http://disqus.com/disqus-internals";

    public static IEnumerable<SourceComment> Read(Stream stream)
    {
        var threads = new Dictionary<string, SourceThread>(StringComparer.Ordinal);
        using var reader = SourceXml.Open(stream);
        reader.MoveToContent();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1) { reader.Read(); continue; }
            var id = reader.GetAttribute("id", Internals) ?? "";
            switch (reader.LocalName)
            {
                case "thread":
                    var t = Fields(reader);
                    var link = t.GetValueOrDefault("link");
                    threads[id] = new SourceThread(id, Uri.TryCreate(link, UriKind.Absolute, out _) ? ThreadIds.FromPermalink(link, id) : ThreadIds.FromPath("d-" + id),
                        t.GetValueOrDefault("title"), link, Date(t.GetValueOrDefault("createdAt")) ?? DateTimeOffset.UnixEpoch);
                    break;
                case "post":
                    var p = Fields(reader);
                    var thread = threads.GetValueOrDefault(p.GetValueOrDefault("thread@id") ?? "")
                        ?? new SourceThread("", "d-unknown", null, null, DateTimeOffset.UnixEpoch);
                    var (spam, deleted) = (p.GetValueOrDefault("isSpam") == "true", p.GetValueOrDefault("isDeleted") == "true");
                    yield return new SourceComment(id, p.GetValueOrDefault("parent@id"), thread,
                        p.GetValueOrDefault("author/name") ?? "", p.GetValueOrDefault("author/email"), null, p.GetValueOrDefault("ipAddress"),
                        Date(p.GetValueOrDefault("createdAt")) ?? thread.PublishedAt, (p.GetValueOrDefault("message") ?? "").Trim(),
                        spam ? CommentStatus.Spam : deleted ? CommentStatus.Deleted : CommentStatus.Published,
                        spam ? "isSpam" : deleted ? "isDeleted" : "", "comment");
                    break;
                default: reader.Skip(); break;
            }
        }
    }

    /// <summary>An element's children as "name" → text, "author/name" for the author's, "thread@id" for a dsq:id reference.</summary>
    private static Dictionary<string, string> Fields(XmlReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var element = reader.ReadSubtree())
        {
            element.Read();
            element.Read();
            while (!element.EOF)
            {
                if (element.NodeType != XmlNodeType.Element) { element.Read(); continue; }
                var name = element.LocalName;
                if (element.GetAttribute("id", Internals) is { } reference) fields[name + "@id"] = reference;
                if (name == "author")
                {
                    foreach (var (key, value) in Fields(element)) fields["author/" + key] = value;
                    continue;
                }
                if (element.IsEmptyElement) { element.Read(); continue; }
                var text = element.ReadElementContentAsString().Trim();
                if (text.Length > 0) fields[name] = text;
            }
        }
        reader.Read();
        return fields;
    }

    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
}
