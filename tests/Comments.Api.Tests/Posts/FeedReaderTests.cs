using System.Text;
using Comments.Api.Posts;

namespace Comments.Api.Tests.Posts;

/// <summary>The feed parser on its own: Atom as well as RSS, text only, no DTDs.</summary>
public sealed class FeedReaderTests
{
    private static IReadOnlyList<FeedItem> Read(string xml) => FeedReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void An_atom_feed_gives_each_entrys_alternate_link_title_summary_and_date()
    {
        var items = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
              <entry><title type="html">Ten &lt;em&gt;lenses&lt;/em&gt;</title>
                <link rel="edit" href="https://blog.example/wp-admin/1"/><link rel="alternate" href="https://blog.example/ten-lenses/"/>
                <summary>What we &amp; they learned.</summary><published>2026-11-30T12:00:00Z</published></entry>
              <entry><title>No link</title></entry>
              <entry><title>Script link</title><link href="javascript:alert(1)"/></entry>
            </feed>
            """);
        var item = Assert.Single(items);
        Assert.Equal("https://blog.example/ten-lenses/", item.Url.AbsoluteUri);
        Assert.Equal("Ten lenses", item.Title);
        Assert.Equal("What we & they learned.", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void A_feed_with_a_doctype_is_refused_and_so_is_what_is_neither_rss_nor_atom()
    {
        Assert.ThrowsAny<System.Xml.XmlException>(() => Read("""
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>
            """));
        Assert.Throws<FormatException>(() => Read("<html><body>not a feed</body></html>"));
    }
}
