using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// Personal-data export and erasure by email through the admin API (issue 14): a person posts,
/// likes and flags from one address; after the erasure no key name and no value anywhere in the
/// store (every key, SCAN, every type read whole) holds a byte of their email, name or IP, no
/// public answer shows them, and a reader of the thread got the anonymised comment live.
/// </summary>
public abstract class ErasureTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Site = TestSites.Open;

    /// <summary>A person nobody else in the store can share: a fresh email, name and IPv6 address.</summary>
    private sealed record Person(string Email, string Name, string Ip)
    {
        public static Person New()
        {
            var tag = Guid.NewGuid().ToString("N");
            var ip = new IPAddress([0x20, 0x01, 0x0d, 0xb8, .. Guid.NewGuid().ToByteArray()[..12]]).ToString();
            return new Person($"Erase.Me.{tag}@Example.ORG", $"Zelda Q{tag[..12]}", ip);
        }

        public IEnumerable<string> Secrets => [Email, Email.ToLowerInvariant(), Name, Ip];
    }

    private static string PersonalData(string site, string verb) => $"{ModerationTestApi.SitePath(site)}/personal-data/{verb}";

    [Fact]
    public async Task After_an_erasure_no_key_or_value_of_the_store_and_no_public_answer_holds_the_email_name_or_ip()
    {
        var person = Person.New();
        var thread = TestSites.NewThread("erase");
        var heldThread = TestSites.NewThread("erase-held");
        using var client = fixture.CreateClient();
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        await using var hub = await HubListener.ConnectAsync(fixture.Service.BaseAddress);
        await hub.Connection.InvokeAsync("JoinThread", Site, thread, Ct);

        // Two published comments and a reply, one held comment (approved by a moderator: an audit entry), and someone else's comment.
        var first = await PostAsync(client, Site, thread, TestApi.Reply("Erasure first words", person.Name, person.Email, url: "https://zelda.example/me"), person.Ip);
        var second = await PostAsync(client, Site, thread, TestApi.Reply("Erasure second words", person.Name, person.Email), person.Ip);
        var reply = await PostAsync(client, Site, thread, TestApi.Reply("Erasure reply words", person.Name, person.Email, parentId: first), person.Ip);
        var held = await client.HoldAsync(TestSites.Premoderated, heldThread, TestApi.Reply("Erasure held words", person.Name, person.Email), person.Ip);
        await moderator.ActOkAsync(TestSites.Premoderated, held, "approve");
        var other = await PostAsync(client, Site, thread, TestApi.Reply("Someone else's words", "Other Person", "other@example.com"), "192.0.2.1");
        // From the person's address: a like and a flag of the other comment.
        using (var like = await SendAsync(client, $"/api/sites/{Site}/comments/{other}/likes", new { reader = "reader-" + Guid.NewGuid().ToString("N") }, person.Ip))
            Assert.Equal(HttpStatusCode.OK, like.StatusCode);
        using (var flag = await moderator.FlagAsync(Site, other, "spam", person.Ip))
            Assert.Equal(HttpStatusCode.Accepted, flag.StatusCode);

        // Export: every comment (with email and IP), the like, the flag.
        var export = await PostOkAsync(admin, PersonalData(Site, "export"), new { email = person.Email.ToUpperInvariant() });
        Assert.Equal("comments-personal-data", export.GetProperty("schema").GetString());
        Assert.Equal(1, export.GetProperty("version").GetInt32());
        var exported = export.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal([first, second, reply], exported.Select(c => c.GetProperty("id").GetString()!).ToArray());
        Assert.All(exported, c => Assert.Equal(person.Ip, c.GetProperty("ip").GetString()));
        Assert.All(exported, c => Assert.Equal(person.Email, c.GetProperty("authorEmail").GetString()));
        Assert.Equal(other, export.GetProperty("flags").EnumerateArray().Single().GetProperty("commentId").GetString());
        Assert.Equal(other, export.GetProperty("likes").EnumerateArray().Single().GetProperty("commentId").GetString());
        // The held comment is on another site: this site's export does not hold it, that site's does.
        var preExport = await PostOkAsync(admin, PersonalData(TestSites.Premoderated, "export"), new { email = person.Email });
        Assert.Equal(held, preExport.GetProperty("comments").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.NotEmpty(preExport.GetProperty("audit").EnumerateArray());

        // Erase on both sites.
        var erased = await PostOkAsync(admin, PersonalData(Site, "erase"), new { email = person.Email });
        Assert.Equal(3, erased.GetProperty("erased").GetProperty("comments").GetInt32());
        Assert.Equal(1, erased.GetProperty("erased").GetProperty("flags").GetInt32());
        Assert.Equal(1, erased.GetProperty("erased").GetProperty("likes").GetInt32());
        Assert.Equal("keep", erased.GetProperty("text").GetString());
        await PostOkAsync(admin, PersonalData(TestSites.Premoderated, "erase"), new { email = person.Email });

        // Readers of the thread saw each published comment change to Anonymous, through the event path.
        foreach (var id in new[] { first, second, reply })
        {
            await hub.WaitForAsync($"commentUpdated of {id}", m => m.Kind == "commentUpdated"
                && JsonDocument.Parse(m.Json).RootElement is var c && c.GetProperty("id").GetString() == id && c.GetProperty("authorName").GetString() == "Anonymous");
        }

        // No key and no value in the whole store.
        var snapshot = await KeyspaceSnapshot.TakeAsync(fixture.Store.Multiplexer, fixture.Store.Database);
        foreach (var (key, content) in snapshot.Entries)
        {
            foreach (var secret in person.Secrets)
            {
                Assert.False(key.Contains(secret, StringComparison.OrdinalIgnoreCase), $"key {key} holds {secret}");
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"key {key} still holds {secret}: {content[..Math.Min(300, content.Length)]}");
            }
        }
        // The text stays (the site keeps it), signed Anonymous.
        Assert.Contains(snapshot.Entries.Values, v => v.Contains("Erasure second words", StringComparison.Ordinal));

        // No public answer: the thread, each comment, the recent feed.
        var answers = new List<string>
        {
            (await client.GetJsonAsync(TestApi.CommentsPath(Site, thread))).GetRawText(),
            (await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Premoderated, heldThread))).GetRawText(),
            (await client.GetJsonAsync($"/api/sites/{Site}/recent?limit=50")).GetRawText(),
        };
        foreach (var id in new[] { first, second, reply }) answers.Add((await client.GetJsonAsync($"/api/sites/{Site}/comments/{id}")).GetRawText());
        foreach (var answer in answers)
        {
            foreach (var secret in person.Secrets) Assert.DoesNotContain(secret, answer, StringComparison.OrdinalIgnoreCase);
        }
        var page = await client.GetJsonAsync(TestApi.CommentsPath(Site, thread));
        Assert.Equal(["Anonymous", "Anonymous", "Anonymous", "Other Person"],
            page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("authorName").GetString()!).Order(StringComparer.Ordinal).ToArray());

        // Audited, without the email; a second erasure finds nothing and audits nothing more.
        var audit = await admin.GetJsonAsync($"{ModerationTestApi.SitePath(Site)}/audit?limit=200");
        var entry = audit.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("action").GetString() == "erase");
        Assert.Equal("ada", entry.GetProperty("moderator").GetString());
        foreach (var secret in person.Secrets) Assert.DoesNotContain(secret, entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var again = await PostOkAsync(admin, PersonalData(Site, "erase"), new { email = person.Email });
        Assert.All(again.GetProperty("erased").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        var after = await PostOkAsync(admin, PersonalData(Site, "export"), new { email = person.Email });
        Assert.Empty(after.GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task On_a_site_that_deletes_the_text_the_text_leaves_the_comment_the_audit_and_the_labels_and_readers_lose_the_comment()
    {
        var person = Person.New();
        var words = $"Erasure delete words {Guid.NewGuid():N}";
        var thread = TestSites.NewThread("erase-text");
        using var client = fixture.CreateClient();
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        await using var hub = await HubListener.ConnectAsync(fixture.Service.BaseAddress);
        await hub.Connection.InvokeAsync("JoinThread", TestSites.EraseText, thread, Ct);

        var kept = await PostAsync(client, TestSites.EraseText, thread, TestApi.Reply(words, person.Name, person.Email), person.Ip);
        var rejected = await PostAsync(client, TestSites.EraseText, thread, TestApi.Reply(words + " again", person.Name, person.Email), person.Ip);
        // A moderator's edit (the audit keeps the text before and after) and a rejection (a training label with the text).
        await admin.ActOkAsync(TestSites.EraseText, kept, "edit", text: words + " edited");
        await admin.ActOkAsync(TestSites.EraseText, rejected, "reject", "off-topic");

        var erased = await PostOkAsync(admin, PersonalData(TestSites.EraseText, "erase"), new { email = person.Email });
        Assert.Equal("delete", erased.GetProperty("text").GetString());
        Assert.Equal(2, erased.GetProperty("erased").GetProperty("comments").GetInt32());

        await hub.WaitForAsync("the erased comment removed", m => m.Kind == "commentRemoved" && m.Json.Contains(kept, StringComparison.Ordinal));
        Assert.Empty(await client.ReaderIdsAsync(TestSites.EraseText, thread));
        var snapshot = await KeyspaceSnapshot.TakeAsync(fixture.Store.Multiplexer, fixture.Store.Database);
        foreach (var (key, content) in snapshot.Entries)
        {
            foreach (var secret in person.Secrets.Append(words))
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"key {key} still holds {secret}: {content[..Math.Min(300, content.Length)]}");
        }
        var item = await admin.ItemAsync(TestSites.EraseText, kept);
        Assert.Equal("deleted", item.GetProperty("status").GetString());
        Assert.Equal("Anonymous", item.GetProperty("authorName").GetString());
    }

    [Fact]
    public async Task Only_an_admin_key_may_export_or_erase_and_the_email_is_checked()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        using var anonymous = fixture.CreateClient();

        foreach (var verb in new[] { "export", "erase" })
        {
            using var forbidden = await moderator.PostAsJsonAsync(PersonalData(Site, verb), new { email = "ann@example.com" }, Ct);
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.admin_required");
            using var noKey = await anonymous.PostAsJsonAsync(PersonalData(Site, verb), new { email = "ann@example.com" }, Ct);
            await noKey.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");
            using var bad = await admin.PostAsJsonAsync(PersonalData(Site, verb), new { email = "not an email" }, Ct);
            await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_email", field: "email");
            using var missing = await admin.PostAsJsonAsync(PersonalData(Site, verb), new { }, Ct);
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "field.required", field: "email");
            using var noSite = await admin.PostAsJsonAsync(PersonalData("no-such-site", verb), new { email = "ann@example.com" }, Ct);
            await noSite.AssertProblemAsync(HttpStatusCode.NotFound, "site.not_found");
        }
    }

    /// <summary>With an Idempotency-Key: the stored answer (kept a day for retries) carries the public name too.</summary>
    private static async Task<string> PostAsync(HttpClient client, string site, string thread, object body, string ip)
    {
        using var response = await client.PostAsync(site, thread, body, idempotencyKey: Guid.NewGuid().ToString("N"), forwardedFor: ip);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {json}");
        return json.GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string ip)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", ip);
        return client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: expected 200, got {(int)response.StatusCode}: {json}");
        return json;
    }
}

public sealed class ErasureOnGarnet(GarnetService fixture) : ErasureTests(fixture);

public sealed class ErasureOnRedis(RedisService fixture) : ErasureTests(fixture);
