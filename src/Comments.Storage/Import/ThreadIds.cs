using System.Globalization;
using System.Text;
using Comments.Core.Comments;

namespace Comments.Storage.Import;

/// <summary>
/// A permalink becomes the thread id the widget gives that page by default (embed.js,
/// <c>threadFromPath</c>), so imported comments show on the page without a <c>data-thread</c>:
/// the URL's path (percent-encoded, as <c>location.pathname</c> is) without its outer slashes,
/// '/' as ':', every character outside <see cref="Ids.IsThread"/>'s set as '~' and its UTF-16
/// code in hex, "home" for the root, and past 128 characters the first 119 then '~' and a hash.
/// A permalink with only a query (<c>?p=42</c>) cannot be told from its site's home page by path:
/// such posts become <c>p-{post id}</c>.
/// </summary>
public static class ThreadIds
{
    public static string FromPermalink(string? permalink, string postId)
    {
        if (!Uri.TryCreate(permalink, UriKind.Absolute, out var uri)) return Fallback(postId);
        var path = RawPath(permalink!, uri).Trim('/');
        if (path.Length == 0 && uri.Query.Length > 1) return Fallback(postId);
        return FromPath(path);
    }

    /// <summary>The path as written (Uri would upper-case "%c3" to "%C3", which the browser does not).</summary>
    private static string RawPath(string permalink, Uri uri)
    {
        var start = permalink.IndexOf("://", StringComparison.Ordinal);
        var slash = start < 0 ? -1 : permalink.IndexOf('/', start + 3);
        if (slash < 0) return uri.AbsolutePath;
        var end = permalink.IndexOfAny(['?', '#'], slash);
        return (end < 0 ? permalink[slash..] : permalink[slash..end]).Replace(" ", "%20");
    }

    public static string FromPath(string path)
    {
        var id = new StringBuilder();
        foreach (var ch in path.Trim('/').Replace('/', ':'))
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or ':' or '~' or '-') id.Append(ch);
            else id.Append('~').Append(((int)ch).ToString("x", CultureInfo.InvariantCulture));
        }
        var text = id.Length == 0 ? "home" : id.ToString();
        return text.Length > Ids.ThreadLength ? text[..119] + "~" + Hash(text) : text;
    }

    private static string Fallback(string postId) =>
        Ids.IsThread("p-" + postId) ? "p-" + postId : FromPath(postId);

    /// <summary>embed.js's <c>hash</c>: djb2 with xor over UTF-16 codes, unsigned 32 bits, base 36.</summary>
    private static string Hash(string s)
    {
        uint h = 5381;
        foreach (var ch in s) h = (h * 33) ^ ch;
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var result = new StringBuilder();
        do { result.Insert(0, digits[(int)(h % 36)]); h /= 36; } while (h > 0);
        return result.ToString();
    }
}
