using System.Net;
using Comments.Core.Comments;

namespace Comments.Core.Tests.Comments;

public sealed class AddressKeysTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void An_address_is_limited_under_itself_for_ipv4_and_under_its_slash_64_for_ipv6(string address, string key)
    {
        Assert.Equal(key, AddressKeys.LimitKey(IPAddress.Parse(address)));
        Assert.Equal(key, AddressKeys.LimitKey(address));
    }

    [Fact]
    public void Text_that_is_not_an_address_is_its_own_key_and_no_address_is_unknown()
    {
        Assert.Equal("unknown", AddressKeys.LimitKey("unknown"));
        Assert.Equal(AddressKeys.Unknown, AddressKeys.LimitKey((IPAddress?)null));
    }
}
