using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Mail;
using MimeKit;

namespace Comments.Api.Tests.Posts;

/// <summary>
/// New-posts mail end to end: subscribe (double opt-in) → confirm → the owner announces a post (or the feed
/// lists it) → the real service mails each confirmed subscriber once, per post or in a digest, read back
/// from a real smtp4dev.
/// </summary>
public abstract class PostMailTests(PostsService fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MailFixture Mail => fixture.Mail;

    private HttpClient Owner()
    {
        var client = Mail.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        return client;
    }

    private async Task SubscribePostsConfirmedAsync(HttpClient client, string site, string email, string? frequency = null, string? lang = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/sites/{site}/subscriptions", new { email, kind = "posts", frequency, lang }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // A reader who named a language gets the confirmation in it, so not under an English subject.
        if (lang is null)
        {
            await client.ConfirmAsync(await Mail.Smtp.ConfirmationLinkAsync(email));
            return;
        }
        var link = MailTestApi.ConfirmLinkIn((await Mail.Smtp.LoadAsync((await Mail.Smtp.WaitForAsync(email))[0])).TextBody);
        using var confirmed = await client.PostAsync(link, null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("<html lang=\"de\"", await confirmed.Content.ReadAsStringAsync(Ct));
    }

    private static Task<HttpResponseMessage> AnnounceAsync(HttpClient owner, string site, string url, string title, string? summary = null) =>
        owner.PostAsJsonAsync($"/api/moderation/sites/{site}/posts", new { url, title, summary, published = "2026-11-30T12:00:00Z" }, Ct);

    private static string NewPostUrl(string name) => $"https://blog.example/2026/{name}-{Guid.NewGuid():N}/";

    [Fact]
    public async Task A_confirmed_subscriber_gets_one_mail_per_announced_post_and_announcing_it_again_sends_nothing()
    {
        using var client = Mail.CreateClient();
        using var owner = Owner();
        var site = TestSites.Premoderated;
        var ann = MailTestApi.NewAddress("ann");
        var unconfirmed = MailTestApi.NewAddress("carl");
        await SubscribePostsConfirmedAsync(client, site, ann);
        var gerd = MailTestApi.NewAddress("gerd");
        await SubscribePostsConfirmedAsync(client, site, gerd, lang: "de");
        using (var pending = await client.PostAsJsonAsync($"/api/sites/{site}/subscriptions", new { email = unconfirmed, kind = "posts" }, Ct))
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);

        var url = NewPostUrl("lenses");
        using var announced = await AnnounceAsync(owner, site, url, "Ten lenses, <b>tested</b>", "What we learned.");
        Assert.Equal(HttpStatusCode.Accepted, announced.StatusCode);
        var body = await announced.JsonAsync();
        Assert.Equal("announced", body.GetProperty("status").GetString());

        var mail = (await Mail.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("Ten lenses", StringComparison.Ordinal)))[0];
        var message = await Mail.Smtp.LoadAsync(mail);
        Assert.Equal($"New on {site}: Ten lenses, <b>tested</b>", message.Subject);
        Assert.Contains(url, message.TextBody);
        Assert.Contains("What we learned.", message.TextBody);
        Assert.Contains("Ten lenses, &lt;b&gt;tested&lt;/b&gt;", message.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>');
        Assert.StartsWith($"{Mail.PublicUrl}/api/sites/{site}/subscriptions/unsubscribe?token=", unsubscribe);
        Assert.Contains(unsubscribe, message.TextBody);
        Assert.DoesNotContain(unconfirmed, message.ToString(), StringComparison.OrdinalIgnoreCase);
        // The reader who subscribed in German gets it in German.
        var german = await Mail.Smtp.LoadAsync((await Mail.Smtp.WaitForAsync(gerd, match: m => m.Subject.Contains("Ten lenses", StringComparison.Ordinal)))[0]);
        Assert.Equal($"Neu auf {site}: Ten lenses, <b>tested</b>", german.Subject);
        Assert.Contains($"Weiterlesen: {url}", german.TextBody);
        Assert.Contains("<div lang=\"de\" dir=\"ltr\">", german.HtmlBody);

        // The same URL again (its fragment aside): nothing new is queued.
        using var again = await AnnounceAsync(owner, site, url + "#comments", "Ten lenses, tested (updated)");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already_announced", (await again.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(body.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        await client.DrainAsync(Mail.Smtp, site);
        Assert.Single(await Mail.Smtp.ToAsync(ann), m => m.Subject.Contains("Ten lenses", StringComparison.Ordinal));
        // The address that never confirmed got its confirmation and nothing else.
        Assert.StartsWith("Confirm", Assert.Single(await Mail.Smtp.ToAsync(unconfirmed)).Subject);

        // One click on List-Unsubscribe: the next post is not sent to the address.
        using (var clicked = await client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        using (var next = await AnnounceAsync(owner, site, NewPostUrl("after"), "After unsubscribing"))
            Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        await client.DrainAsync(Mail.Smtp, site);
        Assert.DoesNotContain(await Mail.Smtp.ToAsync(ann), m => m.Subject.Contains("After unsubscribing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_daily_digest_subscriber_gets_one_mail_with_both_posts_when_the_digest_is_due_and_a_per_post_subscriber_gets_two()
    {
        using var client = Mail.CreateClient();
        using var owner = Owner();
        var site = TestSites.Open;
        var daily = MailTestApi.NewAddress("daily");
        var weekly = MailTestApi.NewAddress("weekly");
        var each = MailTestApi.NewAddress("each");
        await SubscribePostsConfirmedAsync(client, site, daily, "daily");
        await SubscribePostsConfirmedAsync(client, site, weekly, "weekly");
        await SubscribePostsConfirmedAsync(client, site, each);
        var dailyGerman = MailTestApi.NewAddress("daily-de");
        await SubscribePostsConfirmedAsync(client, site, dailyGerman, "daily", lang: "de");

        var first = NewPostUrl("first");
        var second = NewPostUrl("second");
        using (var a = await AnnounceAsync(owner, site, first, "First of two")) Assert.Equal(HttpStatusCode.Accepted, a.StatusCode);
        using (var b = await AnnounceAsync(owner, site, second, "Second of two")) Assert.Equal(HttpStatusCode.Accepted, b.StatusCode);

        await Mail.Smtp.WaitForAsync(each, 2, m => m.Subject.Contains(" of two", StringComparison.Ordinal));
        var digest = Assert.Single(await Mail.Smtp.WaitForAsync(daily, match: m => !m.Subject.StartsWith("Confirm", StringComparison.Ordinal)));
        Assert.Equal($"2 new posts on {site}", digest.Subject);
        var message = await Mail.Smtp.LoadAsync(digest);
        Assert.Contains(first, message.TextBody);
        Assert.Contains(second, message.TextBody);
        Assert.True(message.TextBody!.IndexOf("First of two", StringComparison.Ordinal) < message.TextBody.IndexOf("Second of two", StringComparison.Ordinal));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var german = await Mail.Smtp.LoadAsync(Assert.Single(await Mail.Smtp.WaitForAsync(dailyGerman, match: m => m.Subject.Contains("Beiträge", StringComparison.Ordinal))));
        Assert.Equal($"2 neue Beiträge auf {site}", german.Subject);
        Assert.StartsWith($"Neu auf {site} heute:", german.TextBody);

        await client.DrainAsync(Mail.Smtp, site);
        // One digest only, no per-post mail to digest subscribers, and the weekly digest is not due yet.
        Assert.Equal(2, (await Mail.Smtp.ToAsync(daily)).Count);
        Assert.StartsWith("Confirm", Assert.Single(await Mail.Smtp.ToAsync(weekly)).Subject);
        Assert.Equal(3, (await Mail.Smtp.ToAsync(each)).Count);
    }

    [Fact]
    public async Task The_first_read_of_the_feed_mails_nothing_and_a_new_item_is_mailed_once()
    {
        using var client = Mail.CreateClient();
        var site = PostsService.FeedSite;
        var ann = MailTestApi.NewAddress("feed");
        await SubscribePostsConfirmedAsync(client, site, ann);
        // Two reads after the subscription: the first read (with the archive post) was handled by then.
        await fixture.WaitForFeedReadsAsync(2);

        var fresh = (NewPostUrl("from-the-feed"), "Straight from the feed");
        fixture.FeedXml = PostsService.Rss(fresh, PostsService.ArchivePost);
        var mail = Assert.Single(await Mail.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("Straight from the feed", StringComparison.Ordinal)));
        var message = await Mail.Smtp.LoadAsync(mail);
        Assert.Contains(fresh.Item1, message.TextBody);
        Assert.Contains("About Straight from the feed", message.TextBody);
        Assert.DoesNotContain("<p>", message.TextBody);

        await fixture.WaitForFeedReadsAsync(3);
        await client.DrainAsync(Mail.Smtp, site);
        var mails = await Mail.Smtp.ToAsync(ann);
        Assert.Single(mails, m => m.Subject.Contains("Straight from the feed", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Subject.Contains("archive", StringComparison.Ordinal));
        Assert.Equal(2, mails.Count);
    }

    [Fact]
    public async Task The_reply_forms_new_posts_box_in_json_and_in_the_plain_form_subscribes_after_one_confirmation()
    {
        using var client = Mail.CreateClient();
        using var owner = Owner();
        var site = TestSites.Premoderated;
        var thread = TestSites.NewThread("posts-box");
        var ann = MailTestApi.NewAddress("json");
        var fran = MailTestApi.NewAddress("form");
        using (var json = await client.PostAsync(site, thread, new { text = "Nice post.", authorName = "Ann", authorEmail = ann, notifyPosts = true }))
            Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        const string origin = "http://localhost:8080";
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/threads/{thread}/comments/form")
        {
            Content = new FormUrlEncodedContent([new("comment", "Sent as a form."), new("author", "Fran"), new("email", fran),
                new("subscribe_blog", "1"), new("redirect_to", origin + "/posts/hello")]),
        };
        form.Headers.Add("Origin", origin);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Mail.Service.BaseAddress };
        using (var posted = await browser.SendAsync(form, Ct)) Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        await client.ConfirmAsync(await Mail.Smtp.ConfirmationLinkAsync(ann));
        await client.ConfirmAsync(await Mail.Smtp.ConfirmationLinkAsync(fran));

        using (var announced = await AnnounceAsync(owner, site, NewPostUrl("boxes"), "Both boxes work"))
            Assert.Equal(HttpStatusCode.Accepted, announced.StatusCode);
        await Mail.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("Both boxes work", StringComparison.Ordinal));
        await Mail.Smtp.WaitForAsync(fran, match: m => m.Subject.Contains("Both boxes work", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_personal_data_export_shows_the_new_posts_subscription_and_erasure_stops_its_mail()
    {
        using var client = Mail.CreateClient();
        using var owner = Owner();
        using var admin = Mail.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.AdminKey);
        var site = TestSites.Premoderated;
        var ann = MailTestApi.NewAddress("erase");
        await SubscribePostsConfirmedAsync(client, site, ann, "weekly");
        var path = $"/api/moderation/sites/{site}/personal-data";

        using var exported = await admin.PostAsJsonAsync($"{path}/export", new { email = ann }, Ct);
        var only = Assert.Single((await exported.JsonAsync()).GetProperty("subscriptions").EnumerateArray());
        Assert.Equal("posts", only.GetProperty("kind").GetString());
        Assert.Equal("weekly", only.GetProperty("frequency").GetString());
        Assert.True(only.GetProperty("confirmed").GetBoolean());
        var subscribers = await Mail.Store.SetLengthAsync($"c:{{{site}}}:post-subscribers");

        using var erased = await admin.PostAsJsonAsync($"{path}/erase", new { email = ann }, Ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (await erased.JsonAsync()).GetProperty("erased").GetProperty("subscriptions").GetInt32());
        Assert.Equal(subscribers - 1, await Mail.Store.SetLengthAsync($"c:{{{site}}}:post-subscribers"));
        using (var announced = await AnnounceAsync(owner, site, NewPostUrl("erased"), "After the erasure"))
            Assert.Equal(HttpStatusCode.Accepted, announced.StatusCode);
        await client.DrainAsync(Mail.Smtp, site);
        Assert.StartsWith("Confirm", Assert.Single(await Mail.Smtp.ToAsync(ann)).Subject);
    }

    [Fact]
    public async Task An_announcement_with_bad_fields_is_refused_with_codes_and_a_site_the_key_may_not_act_on_is_forbidden()
    {
        using var owner = Owner();
        using var bad = await owner.PostAsJsonAsync($"/api/moderation/sites/{TestSites.Open}/posts",
            new { url = "javascript:alert(1)", title = " ", published = "yesterday" }, Ct);
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_url", "url");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "field.required", "title");
        Assert.Equal("post.invalid", problem.GetProperty("code").GetString());
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "post.invalid_date", "published");

        using var forbidden = await AnnounceAsync(owner, TestSites.Anonymous, NewPostUrl("not-yours"), "Not your site");
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden_site");
        using var anonymous = Mail.CreateClient();
        using var noKey = await AnnounceAsync(anonymous, TestSites.Open, NewPostUrl("no-key"), "No key");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_person_and_nothing_is_stored_or_sent()
    {
        using var client = Mail.CreateClient();
        var bot = MailTestApi.NewAddress("bot");
        using var response = await client.PostAsJsonAsync($"/api/sites/{TestSites.Open}/subscriptions",
            new { email = bot, kind = "posts", honeypot = "http://spam.example" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("confirmation_sent", (await response.JsonAsync()).GetProperty("status").GetString());
        await client.DrainAsync(Mail.Smtp, TestSites.Open);
        Assert.Empty(await Mail.Smtp.ToAsync(bot));
        // Nothing was stored: the same address without the honeypot gets its confirmation at once (no daily limit hit).
        using var person = await client.PostAsJsonAsync($"/api/sites/{TestSites.Open}/subscriptions", new { email = bot, kind = "posts" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, person.StatusCode);
        Assert.StartsWith("Confirm", Assert.Single(await Mail.Smtp.WaitForAsync(bot)).Subject);
    }

    [Fact]
    public async Task The_manage_page_lists_new_posts_with_frequency_buttons_and_its_own_stop()
    {
        using var client = Mail.CreateClient();
        using var owner = Owner();
        var site = TestSites.Premoderated;
        var ann = MailTestApi.NewAddress("manage");
        await client.SubscribeConfirmedAsync(Mail.Smtp, site, ann, TestSites.NewThread("kept"));
        using (var posts = await client.PostAsJsonAsync($"/api/sites/{site}/subscriptions", new { email = ann, kind = "posts" }, Ct))
            Assert.Equal(HttpStatusCode.Accepted, posts.StatusCode);
        // No second confirmation mail within the day: the first mail's link confirms the new request too.
        using (var confirmed = await client.PostAsync(await Mail.Smtp.ConfirmationLinkAsync(ann), null, Ct))
            Assert.Contains("Subscription confirmed", await confirmed.Content.ReadAsStringAsync(Ct));
        using (var announced = await AnnounceAsync(owner, site, NewPostUrl("manage"), "Manage test post"))
            Assert.Equal(HttpStatusCode.Accepted, announced.StatusCode);
        await Mail.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("Manage test post", StringComparison.Ordinal));

        var manage = await ManageLinkAsync(ann);
        var page = await client.GetStringAsync(manage, Ct);
        Assert.Contains("New posts: one mail per post", page);
        Assert.Contains("frequency=weekly", page);
        Assert.Contains("frequency=stop", page);
        Assert.DoesNotContain(ann, page, StringComparison.OrdinalIgnoreCase);

        var token = manage[(manage.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        using (var changed = await client.PostAsync($"/api/sites/{site}/subscriptions/manage/posts?frequency=weekly&token={token}", null, Ct))
            Assert.Contains("a weekly digest", await changed.Content.ReadAsStringAsync(Ct));
        using (var announced = await AnnounceAsync(owner, site, NewPostUrl("manage2"), "Weekly after the change"))
            Assert.Equal(HttpStatusCode.Accepted, announced.StatusCode);
        await client.DrainAsync(Mail.Smtp, site);
        Assert.DoesNotContain(await Mail.Smtp.ToAsync(ann), m => m.Subject.Contains("Weekly after the change", StringComparison.Ordinal));

        using (var stopped = await client.PostAsync($"/api/sites/{site}/subscriptions/manage/posts?frequency=stop&token={token}", null, Ct))
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        page = await client.GetStringAsync(manage, Ct);
        Assert.DoesNotContain("New posts", page);
        Assert.Contains("New comments on", page); // the thread subscription stays
        using (var bad = await client.PostAsync($"/api/sites/{site}/subscriptions/manage/posts?frequency=hourly&token={token}", null, Ct))
            await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "subscription.invalid", "frequency");
    }

    /// <summary>The manage link of the latest mail to the address.</summary>
    private async Task<string> ManageLinkAsync(string email)
    {
        var mails = await Mail.Smtp.ToAsync(email);
        var latest = mails.Where(m => !m.Subject.StartsWith("Confirm", StringComparison.Ordinal)).OrderBy(m => m.ReceivedDate).Last();
        var message = await Mail.Smtp.LoadAsync(latest);
        var text = message.TextBody!;
        var start = text.IndexOf($"{Mail.PublicUrl}/api/sites/", text.IndexOf("Manage your subscriptions", StringComparison.Ordinal), StringComparison.Ordinal);
        return text[start..].Split('\n')[0].Trim();
    }
}

public sealed class PostMailOnGarnet(GarnetPostsService fixture) : PostMailTests(fixture), IClassFixture<GarnetPostsService>;

public sealed class PostMailOnRedis(RedisPostsService fixture) : PostMailTests(fixture), IClassFixture<RedisPostsService>;
