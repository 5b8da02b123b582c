using System.Security.Cryptography;
using System.Text;
using Comments.Core.Comments;
using Comments.Core.Engagement;

namespace Comments.Core.Tests.Comments;

public sealed class StoreDigestsTests
{
    private sealed class Secret(string key) : IServerSecret
    {
        public byte[] Key { get; } = Encoding.UTF8.GetBytes(key);
        public ValueTask LoadAsync(CancellationToken ct = default) => ValueTask.CompletedTask;
    }

    private static readonly StoreDigests One = new(new Secret("the first server secret, 32+ characters"));
    private static readonly StoreDigests Same = new(new Secret("the first server secret, 32+ characters"));
    private static readonly StoreDigests Other = new(new Secret("another server secret, 32+ characters!"));

    [Fact]
    public void The_same_secret_gives_the_same_digests_and_another_secret_other_ones()
    {
        Assert.Equal(One.Email("ann@example.com"), Same.Email("ann@example.com"));
        Assert.Equal(One.Address("192.0.2.1"), Same.Address("192.0.2.1"));
        Assert.Equal(One.Reader("s", "reader-token-0123456789"), Same.Reader("s", "reader-token-0123456789"));

        Assert.NotEqual(One.Email("ann@example.com"), Other.Email("ann@example.com"));
        Assert.NotEqual(One.Address("192.0.2.1"), Other.Address("192.0.2.1"));
        Assert.NotEqual(One.Reader("s", "reader-token-0123456789"), Other.Reader("s", "reader-token-0123456789"));
    }

    [Fact]
    public void A_digest_is_not_the_plain_hash_of_the_value()
    {
        foreach (var (digest, value) in new[] { (One.Email("ann@example.com"), "ann@example.com"), (One.Address("192.0.2.1"), "192.0.2.1") })
        {
            Assert.Equal(32, digest.Length);
            Assert.DoesNotContain(digest, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value))));
            Assert.DoesNotContain(digest, Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value))));
        }
    }

    [Fact]
    public void Emails_ignore_case_and_space_addresses_count_ipv6_by_64_and_kinds_never_collide()
    {
        Assert.Equal(One.Email("ann@example.com"), One.Email("  Ann@Example.COM "));
        Assert.Equal(One.Address("2001:db8:1:2::1"), One.Address("2001:db8:1:2:ffff::9"));
        Assert.NotEqual(One.Address("2001:db8:1:2::1"), One.Address("2001:db8:1:3::1"));
        Assert.NotEqual(One.Email("192.0.2.1"), One.Address("192.0.2.1"));
        Assert.NotEqual(One.Reader("a", "reader-token-0123456789"), One.Reader("b", "reader-token-0123456789"));
    }
}
