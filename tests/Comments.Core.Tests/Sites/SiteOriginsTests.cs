using Comments.Core.Sites;

namespace Comments.Core.Tests.Sites;

public class SiteOriginsTests
{
    [Theory]
    [InlineData("http://localhost:*", "http://localhost:5173", true)]
    [InlineData("http://localhost:*", "http://localhost", false)]
    [InlineData("http://localhost:*", "http://localhost.evil.com:80", false)]
    [InlineData("http://localhost:*", "https://localhost:5173", false)]
    [InlineData("https://*.example.com", "https://blog.example.com", true)]
    [InlineData("https://*.example.com", "https://a.b.example.com", true)]
    [InlineData("https://*.example.com", "https://example.com", false)]
    [InlineData("https://*.example.com", "https://evil.com/.example.com", false)]
    [InlineData("https://*.example.com", "https://evilexample.com", false)]
    [InlineData("https://blog.example.com", "https://BLOG.example.com", true)]
    [InlineData("https://blog.example.com", "https://blog.example.com.evil", false)]
    public void Patterns_match_ports_and_host_labels_only(string pattern, string origin, bool allowed) =>
        Assert.Equal(allowed, SiteOrigins.Matches(pattern, origin));
}
