using System.Globalization;
using System.Xml;
using Comments.Core.Comments;

namespace Comments.Storage.Import;

/// <summary>
/// Reads a WordPress export (WXR 1.0–1.2, Tools → Export) one element at a time (XmlReader), so a
/// file of any size takes the memory of one comment. Every <c>item</c> is a post; each of its
/// <c>wp:comment</c> elements is returned as it is read, with the post it belongs to.
/// </summary>
public static class WxrReader
{
    public const string Namespace = "http://wordpress.org/export/1.2/";

    public static IEnumerable<SourceComment> Read(Stream stream)
    {
        using var reader = SourceXml.Open(stream);
        while (reader.ReadToFollowing("item"))
        {
            using var item = reader.ReadSubtree();
            item.Read();
            string? title = null, link = null, postId = null, dateGmt = null, date = null;
            SourceThread? thread = null;
            item.Read();
            while (!item.EOF)
            {
                if (item.NodeType != XmlNodeType.Element) { item.Read(); continue; }
                var wp = IsWp(item);
                switch (item.LocalName)
                {
                    case "title" when !wp: title = item.ReadElementContentAsString(); break;
                    case "link" when !wp: link = item.ReadElementContentAsString(); break;
                    case "post_id" when wp: postId = item.ReadElementContentAsString().Trim(); break;
                    case "post_date_gmt" when wp: dateGmt = item.ReadElementContentAsString(); break;
                    case "post_date" when wp: date = item.ReadElementContentAsString(); break;
                    case "comment" when wp:
                        thread ??= new SourceThread(postId ?? "", ThreadIds.FromPermalink(link, postId ?? "0"), NullIfEmpty(title), NullIfEmpty(link),
                            Date(dateGmt) ?? Date(date) ?? DateTimeOffset.UnixEpoch);
                        yield return Comment(item, thread);
                        break;
                    default: item.Skip(); break;
                }
            }
        }
    }

    private static bool IsWp(XmlReader reader) => reader.NamespaceURI.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal);

    private static SourceComment Comment(XmlReader reader, SourceThread thread)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var comment = reader.ReadSubtree())
        {
            comment.Read();
            comment.Read();
            while (!comment.EOF)
            {
                if (comment.NodeType != XmlNodeType.Element) { comment.Read(); continue; }
                if (comment.LocalName == "commentmeta") { comment.Skip(); continue; }
                var name = comment.LocalName;
                fields[name] = comment.ReadElementContentAsString();
            }
        }
        reader.Read(); // past </wp:comment>

        string? Field(string name) => fields.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        var approved = Field("comment_approved") ?? "";
        var parent = Field("comment_parent");
        return new SourceComment(
            Field("comment_id") ?? "",
            parent is null or "0" ? null : parent,
            thread,
            Field("comment_author") ?? "",
            Field("comment_author_email"),
            Field("comment_author_url"),
            Field("comment_author_IP"),
            Date(Field("comment_date_gmt")) ?? Date(Field("comment_date")) ?? thread.PublishedAt,
            fields.GetValueOrDefault("comment_content", "").Trim(),
            Status(approved),
            approved,
            Field("comment_type") ?? "comment");
    }

    /// <summary>design.md, Statuses: approved (1) → published, hold (0) → pending, spam → spam, trash → deleted.</summary>
    public static CommentStatus? Status(string approved) => approved switch
    {
        "1" or "approve" => CommentStatus.Published,
        "0" or "hold" => CommentStatus.Pending,
        "spam" => CommentStatus.Spam,
        "trash" => CommentStatus.Deleted,
        _ => null,
    };

    public static string Approved(CommentStatus status) => status switch
    {
        CommentStatus.Published => "1",
        CommentStatus.Pending => "0",
        CommentStatus.Spam => "spam",
        _ => "trash",
    };

    /// <summary>WordPress dates: "2024-05-01 08:00:00" (GMT in the _gmt fields); "0000-00-00 00:00:00" is none.</summary>
    private static DateTimeOffset? Date(string? value) =>
        DateTime.TryParseExact(value?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
