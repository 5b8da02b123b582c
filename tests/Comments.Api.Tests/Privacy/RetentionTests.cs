using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// The retention job on a site that keeps personal data <see cref="TestSites.RetainSeconds"/> seconds
/// (<c>RetainPersonalDataDays</c>), on the real stores: a new comment keeps its IP and email, and
/// once older than that the job removes them (and the email digest's index), keeping name and text.
/// </summary>
public abstract class RetentionTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ips_and_emails_older_than_the_sites_retention_are_purged_and_the_rest_stays()
    {
        var email = $"retain.{Guid.NewGuid():N}@example.net";
        var ip = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}::{Random.Shared.Next(1, 0xffff):x}";
        var thread = TestSites.NewThread("retain");
        using var client = fixture.CreateClient();
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);

        using var posted = await client.PostAsync(TestSites.Retain, thread, TestApi.Reply("Kept words", "Rita Retained", email), forwardedFor: ip);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        var fresh = await admin.ItemAsync(TestSites.Retain, id);
        Assert.Equal(ip, fresh.GetProperty("ip").GetString());
        Assert.Equal(email, fresh.GetProperty("authorEmail").GetString());

        // The job runs about every second; the comment is old enough after RetainSeconds. Wait for the purge, up to a minute.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement item;
        while (true)
        {
            item = await admin.ItemAsync(TestSites.Retain, id);
            if (item.GetProperty("ip").GetString() != ip) break;
            Assert.True(DateTime.UtcNow < deadline, "the retention job did not purge the comment within 60 s");
            await Task.Delay(250, Ct);
        }
        Assert.Equal("unknown", item.GetProperty("ip").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("authorEmail").ValueKind);
        Assert.Equal("Rita Retained", item.GetProperty("authorName").GetString());
        Assert.Equal("Kept words", item.GetProperty("text").GetString());
        Assert.Equal("published", item.GetProperty("status").GetString());

        // Nothing in the store holds them any more, and the email's index no longer finds the comment.
        var snapshot = await KeyspaceSnapshot.TakeAsync(fixture.Store.Multiplexer, fixture.Store.Database);
        Assert.DoesNotContain(snapshot.Entries, e => e.Value.Contains(email, StringComparison.OrdinalIgnoreCase) || e.Value.Contains(ip, StringComparison.OrdinalIgnoreCase));
        using var export = await admin.PostAsJsonAsync($"{ModerationTestApi.SitePath(TestSites.Retain)}/personal-data/export", new { email }, Ct);
        Assert.Empty((await export.JsonAsync()).GetProperty("comments").EnumerateArray());
    }
}

public sealed class RetentionOnGarnet(GarnetService fixture) : RetentionTests(fixture);

public sealed class RetentionOnRedis(RedisService fixture) : RetentionTests(fixture);
