using System.Net;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Comments.Core.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Subscriptions;

/// <summary>
/// The small pages that signed links open. A GET never changes anything (mail scanners open links):
/// it shows a button, and the button POSTs. Every page names the site, never the address.
/// </summary>
public static class SubscriptionPages
{
    public static Results<ContentHttpResult, ProblemHttpResult> ConfirmForm(string? token, HttpContext http, SubscriptionTokens tokens) =>
        Checked(http, tokens, token, TokenPurpose.Confirm, (site, _) =>
            Page(site, "Confirm your subscription", $"<p>Send mail about new comments or posts on {Html(site.DisplayName)} to this address?</p>{Button("confirm", token!, "Confirm")}"));

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Confirm(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Confirm, site.Id) is not { } valid) return BadToken();
        return await store.ConfirmAsync(site.Id, valid.Digest, ct)
            ? Page(site, "Subscription confirmed", "<p>Thank you: you will get the mail you asked for. Every mail has a link to stop it.</p>")
            : Page(site, "Nothing to confirm", "<p>This address has no subscription waiting (it may have unsubscribed since).</p>");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Manage(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        var subscriber = await store.GetAsync(site.Id, valid.Digest, ct);
        if (subscriber is null || subscriber.Subscriptions.Count == 0)
            return Page(site, "Your subscriptions", "<p>This address gets no mail from this site.</p>");
        var rows = string.Concat(subscriber.Subscriptions.Select(s => s.Kind == SubscriptionKind.Thread
            ? $"<li>New comments on <code>{Html(s.Thread!)}</code>{(s.Confirmed ? "" : " (not confirmed)")} {Button($"manage/remove?thread={Uri.EscapeDataString(s.Thread!)}&", token!, "Stop")}</li>"
            : $"<li>New posts{(s.Confirmed ? "" : " (not confirmed)")}: {FrequencyName(s.Frequency)} {FrequencyButtons(token!, s.Frequency)} {Button("manage/posts?frequency=stop&", token!, "Stop")}</li>"));
        return Page(site, "Your subscriptions", $"<ul>{rows}</ul>{Button("unsubscribe", token!, "Unsubscribe from everything and forget this address")}");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> RemoveThread(string? token, string? thread, HttpContext http,
        SubscriptionTokens tokens, ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        if (Problems.BadThread(thread) is { } bad) return bad;
        await store.RemoveThreadAsync(site.Id, valid.Digest, thread!, ct);
        return Page(site, "Stopped", "<p>You will get no more mail about that thread.</p>");
    }

    /// <summary>The manage page's new-posts buttons: another frequency, or <c>stop</c>.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ChangePosts(string? token, string? frequency, HttpContext http,
        SubscriptionTokens tokens, ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        if (frequency == "stop")
        {
            await store.RemovePostsAsync(site.Id, valid.Digest, ct);
            return Page(site, "Stopped", "<p>You will get no more mail about new posts.</p>");
        }
        if (frequency is null || !SubscriptionRequests.IsFrequency(frequency))
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.SubscriptionInvalid, "The subscription has errors.",
                [new FieldError("frequency", ErrorCodes.SubscriptionInvalid, "frequency is 'post', 'daily', 'weekly' or 'stop'.")]);
        var chosen = SubscriptionRequests.Frequency(frequency);
        return await store.SetPostFrequencyAsync(site.Id, valid.Digest, chosen, ct)
            ? Page(site, "Changed", $"<p>New posts now come {Html(FrequencyName(chosen))}.</p>")
            : Page(site, "Your subscriptions", "<p>This address gets no mail about new posts.</p>");
    }

    private static string FrequencyName(PostFrequency f) => f switch
    {
        PostFrequency.Daily => "in a daily digest",
        PostFrequency.Weekly => "in a weekly digest",
        _ => "one mail per post",
    };

    private static string FrequencyButtons(string token, PostFrequency current) =>
        string.Concat(new[] { ("post", PostFrequency.Post, "One mail per post"), ("daily", PostFrequency.Daily, "Daily digest"), ("weekly", PostFrequency.Weekly, "Weekly digest") }
            .Where(f => f.Item2 != current)
            .Select(f => Button($"manage/posts?frequency={f.Item1}&", token, f.Item3)));

    public static Results<ContentHttpResult, ProblemHttpResult> UnsubscribeForm(string? token, HttpContext http, SubscriptionTokens tokens) =>
        Checked(http, tokens, token, TokenPurpose.Manage, (site, _) =>
            Page(site, "Unsubscribe", $"<p>Stop all mail from {Html(site.DisplayName)} and delete this address?</p>{Button("unsubscribe", token!, "Unsubscribe")}"));

    /// <summary>RFC 8058 one-click: a POST (body <c>List-Unsubscribe=One-Click</c>, not needed) deletes the address.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        await store.DeleteAsync(site.Id, valid.Digest, ct);
        return Page(site, "Unsubscribed", "<p>Done: this address gets no more mail from this site, and it is deleted.</p>");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Checked(HttpContext http, SubscriptionTokens tokens, string? token, TokenPurpose purpose,
        Func<SiteOptions, SubscriptionToken, ContentHttpResult> page)
    {
        var site = SiteFilter.Site(http);
        return tokens.Verify(token, purpose, site.Id) is { } valid ? page(site, valid) : BadToken();
    }

    private static ProblemHttpResult BadToken() =>
        Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.SubscriptionBadLink, "The link is not valid, or it has expired.",
            [new FieldError("token", ErrorCodes.SubscriptionBadLink, "Open the link from the latest mail, or subscribe again.")]);

    private static string Button(string action, string token, string label) =>
        $"<form method=\"post\" action=\"{Html(action)}{(action.EndsWith('&') ? "" : "?")}token={Html(Uri.EscapeDataString(token))}\"><button type=\"submit\">{Html(label)}</button></form>";

    private static ContentHttpResult Page(SiteOptions site, string title, string body) =>
        TypedResults.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta name="robots" content="noindex"><title>{Html(title)} · {Html(site.DisplayName)}</title></head>
            <body><main><h1>{Html(title)}</h1>{body}</main></body></html>
            """, "text/html; charset=utf-8");

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
