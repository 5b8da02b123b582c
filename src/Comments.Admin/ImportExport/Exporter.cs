using Comments.Storage.Import;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Comments.Core;
using Comments.Core.Comments;
using Comments.Storage;

namespace Comments.Admin.ImportExport;

/// <summary>
/// A site, or one thread, as JSON lines (schema <c>comments-export</c> version 1, docs/import-export.md)
/// or as a WXR 1.2 file that WordPress's importer and <c>import wxr</c> read back. Written as it is read:
/// one thread's comments at a time.
/// </summary>
public static class Exporter
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<(int Threads, int Comments)> JsonLinesAsync(RedisCommentStore store, RedisSiteArchive archive, string site, IAsyncEnumerable<string> threads, TextWriter output)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(new { type = "export", schema = "comments-export", version = SchemaVersion, site, exportedAt = DateTimeOffset.UtcNow }, Json));
        var (threadCount, commentCount) = (0, 0);
        await foreach (var threadId in threads)
        {
            var thread = await store.GetThreadAsync(site, threadId);
            if (thread is null) continue;
            threadCount++;
            await output.WriteLineAsync(JsonSerializer.Serialize(new { type = "thread", id = thread.Id, title = thread.Title, url = thread.Url, createdAt = thread.CreatedAt, closed = thread.Closed }, Json));
            await foreach (var c in archive.CommentsAsync(site, threadId))
            {
                commentCount++;
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    type = "comment", id = c.Id, thread = c.ThreadId, parent = c.ParentId, depth = c.Depth, status = c.Status.ToLowerName(),
                    createdAt = c.CreatedAt, updatedAt = c.UpdatedAt, authorName = c.AuthorName, authorEmail = c.AuthorEmail, authorUrl = c.AuthorUrl,
                    ip = c.Ip, text = c.Text, html = c.Html, pinned = c.Pinned ? true : (bool?)null,
                }, Json));
            }
        }
        return (threadCount, commentCount);
    }

    public static async Task<(int Threads, int Comments)> WxrAsync(RedisCommentStore store, RedisSiteArchive archive, string site, IAsyncEnumerable<string> threads, TextWriter output)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, IndentChars = "\t", Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "rss", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "2.0");
        await xml.WriteAttributeStringAsync("xmlns", "excerpt", null, "http://wordpress.org/export/1.2/excerpt/");
        await xml.WriteAttributeStringAsync("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
        await xml.WriteAttributeStringAsync("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        await xml.WriteAttributeStringAsync("xmlns", "wp", null, WxrReader.Namespace);
        await xml.WriteStartElementAsync(null, "channel", null);
        await xml.WriteElementStringAsync(null, "title", null, site);
        await Wp(xml, "wxr_version", "1.2");

        var (threadCount, commentCount, postId) = (0, 0, 0);
        await foreach (var threadId in threads)
        {
            var thread = await store.GetThreadAsync(site, threadId);
            if (thread is null) continue;
            threadCount++;
            postId++;
            await xml.WriteStartElementAsync(null, "item", null);
            await Cdata(xml, null, "title", thread.Title ?? thread.Id);
            // WordPress keys the post by its link's path; ours by the thread id. A thread without a page URL gets one from its id.
            await xml.WriteElementStringAsync(null, "link", null, thread.Url ?? "https://example.invalid/" + thread.Id.Replace(':', '/') + "/");
            await Wp(xml, "post_id", postId.ToString(CultureInfo.InvariantCulture));
            await Cdata(xml, "wp", "post_date_gmt", Date(thread.CreatedAt));
            await Cdata(xml, "wp", "comment_status", thread.Closed ? "closed" : "open");
            await Cdata(xml, "wp", "status", "publish");
            await Cdata(xml, "wp", "post_type", "post");
            await foreach (var c in archive.CommentsAsync(site, threadId))
            {
                commentCount++;
                await xml.WriteStartElementAsync("wp", "comment", WxrReader.Namespace);
                await Wp(xml, "comment_id", c.Id);
                await Cdata(xml, "wp", "comment_author", c.AuthorName);
                await Cdata(xml, "wp", "comment_author_email", c.AuthorEmail ?? "");
                await Wp(xml, "comment_author_url", c.AuthorUrl ?? "");
                await Cdata(xml, "wp", "comment_author_IP", c.Ip == AddressKeys.Unknown ? "" : c.Ip);
                await Cdata(xml, "wp", "comment_date", Date(c.CreatedAt));
                await Cdata(xml, "wp", "comment_date_gmt", Date(c.CreatedAt));
                await Cdata(xml, "wp", "comment_content", c.Text);
                await Cdata(xml, "wp", "comment_approved", WxrReader.Approved(c.Status));
                await Cdata(xml, "wp", "comment_type", "comment");
                await Wp(xml, "comment_parent", c.ParentId ?? "0");
                await Wp(xml, "comment_user_id", "0");
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        return (threadCount, commentCount);
    }

    private static Task Wp(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("wp", name, WxrReader.Namespace, value);

    private static async Task Cdata(XmlWriter xml, string? prefix, string name, string value)
    {
        await xml.WriteStartElementAsync(prefix, name, prefix is null ? null : WxrReader.Namespace);
        // "]]>" cannot sit inside one CDATA section: XmlWriter splits it into two.
        await xml.WriteCDataAsync(value);
        await xml.WriteEndElementAsync();
    }

    /// <summary>WordPress's date format, in GMT (the local date is written as GMT too: the site's zone is unknown here).</summary>
    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
