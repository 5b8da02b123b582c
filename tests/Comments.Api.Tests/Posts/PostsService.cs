using Comments.Api.Tests.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Comments.Api.Tests.Posts;

/// <summary>
/// A real feed (Kestrel on loopback, serving <see cref="FeedXml"/> as RSS 2.0) and the real service with
/// mail to its own smtp4dev: the <see cref="FeedSite"/> reads the feed about twice a second, and digests
/// are due <see cref="DigestSeconds"/> after the first post in them (weekly ones never, in a test).
/// </summary>
public abstract class PostsService(StoreBackend? backend, int redisDatabase) : IAsyncLifetime
{
    public const string FeedSite = TestSites.Anonymous;
    public const int DigestSeconds = 6;
    private WebApplication? _feed;
    private readonly SemaphoreSlim _feedRequests = new(0);
    public static readonly (string Url, string Title) ArchivePost = ("https://blog.example/2020/old-post/", "An old post from the archive");
    private volatile string _feedXml = Rss(ArchivePost);
    private PostsMail? _mail;

    public MailFixture Mail => _mail!;

    /// <summary>What the feed serves from now on.</summary>
    public string FeedXml { get => _feedXml; set => _feedXml = value; }

    /// <summary>Waits until the feed served <paramref name="count"/> more requests (a read starts only after the previous one was handled).</summary>
    public async Task WaitForFeedReadsAsync(int count)
    {
        for (var i = 0; i < count; i++)
            Assert.True(await _feedRequests.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken), "the service stopped reading the feed");
    }

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _feed = builder.Build();
        _feed.MapGet("/feed.xml", () =>
        {
            var xml = _feedXml;
            _feedRequests.Release();
            return Results.Text(xml, "application/rss+xml; charset=utf-8");
        });
        await _feed.StartAsync();
        _mail = new PostsMail(backend, redisDatabase, new Dictionary<string, string>
        {
            [$"Sites__{FeedSite}__FeedUrl"] = $"http://127.0.0.1:{port}/feed.xml",
            [$"Sites__{FeedSite}__FeedPollMinutes"] = "0.005",
            ["Posts__FeedCheckMilliseconds"] = "100",
            ["Posts__DailyDigestSeconds"] = DigestSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _mail.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_mail is not null) await _mail.DisposeAsync();
        if (_feed is not null) await _feed.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An RSS 2.0 document with the items (newest first, as blogs serve them).</summary>
    public static string Rss(params (string Url, string Title)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test blog</title><link>https://blog.example/</link><description>Posts</description>
        {string.Concat(items.Select(i => $"<item><title>{System.Net.WebUtility.HtmlEncode(i.Title)}</title><link>{i.Url}</link><description>&lt;p&gt;About {System.Net.WebUtility.HtmlEncode(i.Title)}&lt;/p&gt;</description><pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """;

    private sealed class PostsMail(StoreBackend? backend, int redisDatabase, IReadOnlyDictionary<string, string> settings)
        : MailFixture(backend, redisDatabase, settings);
}

public sealed class GarnetPostsService() : PostsService(StoreBackend.Garnet, 0);

public sealed class RedisPostsService() : PostsService(StoreBackend.Redis, 10);
