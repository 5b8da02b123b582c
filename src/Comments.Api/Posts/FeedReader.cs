using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Comments.Api.Posts;

/// <summary>One item of a feed: its link, title and, when the feed has them, summary and date.</summary>
public sealed record FeedItem(Uri Url, string Title, string? Summary, DateTimeOffset? Published);

/// <summary>Reads RSS 2.0 (<c>channel/item</c>) and Atom (<c>feed/entry</c>); no DTDs, no external entities.</summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const int SummaryMax = 500;

    public static IReadOnlyList<FeedItem> Read(Stream xml)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = false });
        var doc = XDocument.Load(reader);
        var root = doc.Root ?? throw new FormatException("The feed is empty.");
        var items = root.Name == Atom + "feed"
            ? root.Elements(Atom + "entry").Select(AtomItem)
            : root.Name.LocalName == "rss"
                ? (root.Element("channel")?.Elements("item") ?? []).Select(RssItem)
                : throw new FormatException("Neither RSS 2.0 nor Atom.");
        return items.OfType<FeedItem>().ToList();
    }

    private static FeedItem? RssItem(XElement item) =>
        Item(item.Element("link")?.Value, item.Element("title")?.Value, item.Element("description")?.Value, item.Element("pubDate")?.Value);

    private static FeedItem? AtomItem(XElement entry)
    {
        var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        return Item(link, entry.Element(Atom + "title")?.Value, (entry.Element(Atom + "summary") ?? entry.Element(Atom + "content"))?.Value,
            (entry.Element(Atom + "published") ?? entry.Element(Atom + "updated"))?.Value);
    }

    private static FeedItem? Item(string? link, string? title, string? summary, string? date)
    {
        if (!Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return null;
        if (url.AbsoluteUri.Length > PostsApi.UrlMaxBytes) return null;
        var name = Truncate(Text(title), 300) is { Length: > 0 } t ? t : url.AbsoluteUri;
        return new FeedItem(url, name, Truncate(Text(summary), SummaryMax) is { Length: > 0 } s ? s : null, Date(date));
    }

    /// <summary>Feeds often carry HTML in titles and descriptions: mails get its text only.</summary>
    private static string Text(string? value) =>
        value is null ? "" : string.Join(' ', System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(value, "<[^>]*>", " "))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max].TrimEnd() + "…";

    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;
}
