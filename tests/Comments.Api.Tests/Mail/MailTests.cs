using System.Net.Http.Json;
using System.Net;
using Comments.Api.Tests.Moderation;
using MimeKit;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// Subscriptions and reply mail end to end: the real service, its real store, and a real SMTP server
/// (smtp4dev) whose received mail the tests read back.
/// </summary>
public abstract partial class MailTests(MailFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_who_ticks_notify_and_confirms_gets_the_reply_to_their_comment_by_mail_with_one_click_unsubscribe()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        using var posted = await client.PostNotifyingAsync(TestSites.Open, thread, "Which lens was this?", "Ann", ann);
        var parentId = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        await client.ConfirmAsync(await fixture.Smtp.ConfirmationLinkAsync(ann));

        var bob = MailTestApi.NewAddress("bob");
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("A **35mm** prime. <script>alert(1)</script>", "Bob", bob, parentId: parentId));

        var mail = (await fixture.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("replied", StringComparison.Ordinal)))[0];
        var message = await fixture.Smtp.LoadAsync(mail);
        Assert.Equal("Bob replied to your comment", message.Subject);
        Assert.Equal("comments@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("blog@example.com", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>');
        Assert.StartsWith($"{fixture.PublicUrl}/api/sites/{TestSites.Open}/subscriptions/unsubscribe?token=", unsubscribe);
        Assert.Contains(unsubscribe, message.TextBody);
        Assert.Contains("35mm", message.TextBody);
        Assert.Contains("<strong>35mm</strong>", message.HtmlBody);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(bob, message.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
    }

    [Fact]
    public async Task Nothing_is_mailed_to_an_address_that_has_not_confirmed()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        using var posted = await client.PostNotifyingAsync(TestSites.Open, thread, "Never confirmed.", "Ann", ann);
        var parentId = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        await fixture.Smtp.WaitForAsync(ann); // the confirmation, left unopened

        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("A reply nobody is told about.", "Bob", MailTestApi.NewAddress("bob"), parentId: parentId));
        await client.DrainAsync(fixture.Smtp, TestSites.Open);

        var mails = await fixture.Smtp.ToAsync(ann);
        Assert.StartsWith("Confirm", Assert.Single(mails).Subject);
    }

    [Fact]
    public async Task A_held_reply_sends_nothing_until_a_moderator_approves_it_and_then_exactly_one_mail()
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateClient();
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        var parentId = await client.HoldAsync(TestSites.Premoderated, thread, new { text = "Held question.", authorName = "Ann", authorEmail = ann, notify = true });
        await client.ConfirmAsync(await fixture.Smtp.ConfirmationLinkAsync(ann));
        await moderator.ActOkAsync(TestSites.Premoderated, parentId, "approve");

        var replyId = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Held answer.", "Bob", MailTestApi.NewAddress("bob"), parentId: parentId));
        await client.DrainAsync(fixture.Smtp, TestSites.Premoderated);
        Assert.Single(await fixture.Smtp.ToAsync(ann)); // the confirmation only

        await moderator.ActOkAsync(TestSites.Premoderated, replyId, "approve");
        var mails = await fixture.Smtp.WaitForAsync(ann, 2);
        await client.DrainAsync(fixture.Smtp, TestSites.Premoderated);
        Assert.Equal(2, (await fixture.Smtp.ToAsync(ann)).Count);
        Assert.Contains(mails, m => m.Subject == "Bob replied to your comment");
    }

    [Fact]
    public async Task One_click_unsubscribe_deletes_the_address_and_no_further_mail_goes_to_it()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        using var posted = await client.PostNotifyingAsync(TestSites.Open, thread, "Tell me.", "Ann", ann);
        var parentId = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        await client.ConfirmAsync(await fixture.Smtp.ConfirmationLinkAsync(ann));
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("First answer.", "Bob", MailTestApi.NewAddress("bob"), parentId: parentId));
        var reply = (await fixture.Smtp.WaitForAsync(ann, match: m => m.Subject.Contains("replied", StringComparison.Ordinal)))[0];
        var unsubscribe = (await fixture.Smtp.LoadAsync(reply)).Headers["List-Unsubscribe"]!.Trim().Trim('<', '>');

        var managePage = await client.GetStringAsync(unsubscribe.Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal), Ct);
        Assert.Contains(thread, managePage);
        Assert.DoesNotContain(ann, managePage, StringComparison.OrdinalIgnoreCase);

        // What a mail client does for RFC 8058: a POST with this body, no cookies, no page.
        using var done = await client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Second answer.", "Carl", MailTestApi.NewAddress("carl"), parentId: parentId));
        await client.DrainAsync(fixture.Smtp, TestSites.Open);
        Assert.Equal(2, (await fixture.Smtp.ToAsync(ann)).Count); // the confirmation and the first reply
        var manage = unsubscribe.Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal);
        Assert.Contains("gets no mail from this site", await client.GetStringAsync(manage, Ct));
        await foreach (var key in fixture.StoreServer.KeysAsync(fixture.Store.Database, pattern: "*"))
        {
            if (fixture.Store.KeyType(key) == StackExchange.Redis.RedisType.Hash)
                Assert.DoesNotContain(fixture.Store.HashValues(key), v => v.ToString().Contains(ann, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_personal_data_request_exports_the_addresss_subscriptions_and_erasure_removes_them()
    {
        using var client = fixture.CreateClient();
        using var admin = fixture.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestModerators.AdminKey);
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        await client.SubscribeConfirmedAsync(fixture.Smtp, TestSites.Open, ann, thread);
        var path = $"/api/moderation/sites/{TestSites.Open}/personal-data";

        using var exported = await admin.PostAsJsonAsync($"{path}/export", new { email = ann }, Ct);
        var subscriptions = (await exported.JsonAsync()).GetProperty("subscriptions");
        var only = Assert.Single(subscriptions.EnumerateArray());
        Assert.Equal(thread, only.GetProperty("thread").GetString());
        Assert.True(only.GetProperty("confirmed").GetBoolean());

        using var erased = await admin.PostAsJsonAsync($"{path}/erase", new { email = ann }, Ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (await erased.JsonAsync()).GetProperty("erased").GetProperty("subscriptions").GetInt32());
        using var again = await admin.PostAsJsonAsync($"{path}/export", new { email = ann }, Ct);
        Assert.Empty((await again.JsonAsync()).GetProperty("subscriptions").EnumerateArray());

        // Nothing else is mailed to the address, and no hash of the store holds it.
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("After the erasure.", "Bob", MailTestApi.NewAddress("bob")));
        await client.DrainAsync(fixture.Smtp, TestSites.Open);
        Assert.Single(await fixture.Smtp.ToAsync(ann)); // the confirmation only
        await foreach (var key in fixture.StoreServer.KeysAsync(fixture.Store.Database, pattern: "*"))
        {
            if (fixture.Store.KeyType(key) == StackExchange.Redis.RedisType.Hash)
                Assert.DoesNotContain(fixture.Store.HashValues(key), v => v.ToString().Contains(ann, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_second_sign_up_of_the_same_address_within_a_day_sends_no_second_confirmation()
    {
        using var client = fixture.CreateClient();
        var ann = MailTestApi.NewAddress("ann");
        using (var first = await client.SubscribeAsync(TestSites.Open, ann, TestSites.NewThread("mail"))) Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await fixture.Smtp.WaitForAsync(ann);
        using var second = await client.SubscribeAsync(TestSites.Open, ann, TestSites.NewThread("mail"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("confirmation_sent", (await second.JsonAsync()).GetProperty("status").GetString());

        await client.DrainAsync(fixture.Smtp, TestSites.Open);
        Assert.Single(await fixture.Smtp.ToAsync(ann));
    }

    [Fact]
    public async Task A_link_that_is_not_signed_here_or_is_for_another_site_is_refused_with_subscription_bad_link()
    {
        using var client = fixture.CreateClient();
        var ann = MailTestApi.NewAddress("ann");
        using (await client.SubscribeAsync(TestSites.Open, ann, TestSites.NewThread("mail"))) { }
        var link = await fixture.Smtp.ConfirmationLinkAsync(ann);

        using var otherSite = await client.PostAsync(link.Replace($"/sites/{TestSites.Open}/", $"/sites/{TestSites.Premoderated}/", StringComparison.Ordinal), null, Ct);
        await otherSite.AssertProblemAsync(HttpStatusCode.BadRequest, "subscription.bad_link", "token");
        using var tampered = await client.PostAsync(link[..^3] + (link[^3..] == "AAA" ? "BBB" : "AAA"), null, Ct);
        await tampered.AssertProblemAsync(HttpStatusCode.BadRequest, "subscription.bad_link", "token");
        using var confirmInsteadOfManage = await client.PostAsync(link.Replace("/confirm?", "/unsubscribe?", StringComparison.Ordinal), null, Ct);
        await confirmInsteadOfManage.AssertProblemAsync(HttpStatusCode.BadRequest, "subscription.bad_link", "token");
    }

    [Fact]
    public async Task No_subscription_answer_or_page_shows_the_address_whether_the_request_succeeds_or_fails()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        var answers = new List<HttpResponseMessage> { await client.SubscribeAsync(TestSites.Open, ann, thread), await client.SubscribeAsync(TestSites.Open, ann + "@", thread) };
        var confirm = await fixture.Smtp.ConfirmationLinkAsync(ann);
        var manage = confirm.Replace("/confirm?", "/manage?", StringComparison.Ordinal); // a confirm token: refused by manage
        answers.Add(await client.GetAsync(confirm, Ct));
        answers.Add(await client.PostAsync(confirm, null, Ct));
        answers.Add(await client.PostAsync(confirm + "x", null, Ct));
        answers.Add(await client.GetAsync(manage, Ct));
        answers.Add(await client.PostAsync(manage.Replace("/manage?", "/manage/remove?thread=" + thread + "&", StringComparison.Ordinal), null, Ct));
        answers.Add(await client.GetAsync(manage.Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal), Ct));
        answers.Add(await client.PostAsync(manage.Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal), null, Ct));

        var mail = (await fixture.Smtp.WaitForAsync(ann))[0];
        var manageLink = (await fixture.Smtp.LoadAsync(mail)).Headers["List-Unsubscribe"]!.Trim().Trim('<', '>').Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal);
        answers.Add(await client.GetAsync(manageLink, Ct));
        answers.Add(await client.PostAsync(manageLink.Replace("/manage?", "/manage/remove?thread=" + thread + "&", StringComparison.Ordinal), null, Ct));
        answers.Add(await client.GetAsync(manageLink.Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal), Ct));
        answers.Add(await client.PostAsync(manageLink.Replace("/manage?", "/unsubscribe?", StringComparison.Ordinal), null, Ct));

        Assert.Contains(answers, a => a.IsSuccessStatusCode);
        Assert.Contains(answers, a => !a.IsSuccessStatusCode);
        foreach (var answer in answers)
        {
            var text = await answer.Content.ReadAsStringAsync(Ct) + answer.Headers + answer.Content.Headers;
            Assert.DoesNotContain(ann.Split('@')[0], text, StringComparison.OrdinalIgnoreCase);
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_subscription_with_a_bad_address_is_400_with_the_field()
    {
        using var client = fixture.CreateClient();
        using var response = await client.SubscribeAsync(TestSites.Open, "not-an-address", TestSites.NewThread("mail"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_email", "email");
    }
}

public sealed class MailOnGarnet(GarnetMailService fixture) : MailTests(fixture), IClassFixture<GarnetMailService>;

public sealed class MailOnRedis(RedisMailService fixture) : MailTests(fixture), IClassFixture<RedisMailService>;
