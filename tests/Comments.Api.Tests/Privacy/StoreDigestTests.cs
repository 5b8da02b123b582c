using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// A stolen dump of the store must not be reversible with a dictionary of emails or addresses:
/// after a comment, a flood window, a like and a flag from a known email and IP, no key and no
/// value holds an unkeyed digest of them (plain SHA-256 or MD5, or any digest the service used
/// to compute without its secret), and the plain email and IP appear only in the comment records
/// themselves (the moderator-only fields, stored by design).
/// </summary>
public abstract class StoreDigestTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_store_holds_no_unkeyed_digest_of_an_email_or_address()
    {
        var email = $"dump.{Guid.NewGuid():N}@private-mail.example";
        var ip = $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(2, 255)}";
        var readerToken = $"reader-{Guid.NewGuid():N}";
        var thread = TestSites.NewThread("dump");
        using var client = fixture.CreateClient();

        using var published = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Words for the dump test.", email: email), forwardedFor: ip);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var id = (await published.JsonAsync()).GetProperty("id").GetString()!;
        using var flooded = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("Words in a flood window.", email: email), forwardedFor: ip);
        Assert.Equal(HttpStatusCode.Created, flooded.StatusCode);
        var floodId = (await flooded.JsonAsync()).GetProperty("id").GetString()!;
        using var likeRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{TestSites.Open}/comments/{id}/likes")
        {
            Content = JsonContent.Create(new { reader = readerToken }),
        };
        likeRequest.Headers.Add("X-Forwarded-For", ip);
        using var like = await client.SendAsync(likeRequest, Ct);
        Assert.Equal(HttpStatusCode.OK, like.StatusCode);
        using var flag = await client.FlagAsync(TestSites.Open, id, "spam", ip);
        Assert.Equal(HttpStatusCode.Accepted, flag.StatusCode);

        var snapshot = await KeyspaceSnapshot.TakeAsync(fixture.Store.Multiplexer, fixture.Store.Database);
        var dictionary = new Dictionary<string, string>();
        foreach (var value in new[] { email, ip })
        {
            dictionary[$"MD5({value})"] = Hex(MD5.HashData(Encoding.UTF8.GetBytes(value)));
            dictionary[$"SHA-256({value})"] = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
        }
        // The digests the service computed without a key before: anyone with the source could rebuild them.
        dictionary["flag reader"] = Hex(SHA256.HashData(Encoding.UTF8.GetBytes("flag-reader:" + ip)))[..32];
        dictionary["like address"] = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"address\n{TestSites.Open}\n{ip}")))[..32];
        dictionary["like reader"] = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"reader\n{TestSites.Open}\n{readerToken}")))[..32];

        var commentRecords = new[] { $"c:{{{TestSites.Open}}}:comment:{id}", $"c:{{{TestSites.Flood}}}:comment:{floodId}" };
        foreach (var (key, content) in snapshot.Entries)
        {
            var entry = key + "\n" + content;
            foreach (var (name, digest) in dictionary)
                Assert.False(entry.Contains(digest, StringComparison.OrdinalIgnoreCase), $"{key} holds {name}: {Clip(content)}");
            if (commentRecords.Contains(key)) continue;
            Assert.False(entry.Contains(email, StringComparison.OrdinalIgnoreCase), $"{key} holds the plain email: {Clip(content)}");
            Assert.False(Address(ip).IsMatch(entry), $"{key} holds the plain address: {Clip(content)}");
        }
        // The comment records keep them, for moderators: that is where they are meant to be.
        foreach (var record in commentRecords)
        {
            Assert.Contains(email, snapshot.Entries[record]);
            Assert.Matches(Address(ip), snapshot.Entries[record]);
        }
        // And the indexes that needed them still exist, under keyed digests.
        Assert.Contains(snapshot.Entries.Keys, k => k.StartsWith($"c:{{{TestSites.Open}}}:author:", StringComparison.Ordinal));
        Assert.Contains(snapshot.Entries.Keys, k => k.StartsWith($"c:{{{TestSites.Flood}}}:flood:", StringComparison.Ordinal));
        Assert.Contains(snapshot.Entries.Keys, k => k.StartsWith($"c:{{{TestSites.Open}}}:likes-from:{id}:", StringComparison.Ordinal));
    }

    /// <summary>The address as a whole token (10.1.2.3 must not match inside 10.1.2.34).</summary>
    private static Regex Address(string ip) => new($@"(?<![\d.]){Regex.Escape(ip)}(?![\d])");

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

public sealed class StoreDigestsOnGarnet(GarnetService fixture) : StoreDigestTests(fixture);

public sealed class StoreDigestsOnRedis(RedisService fixture) : StoreDigestTests(fixture);
