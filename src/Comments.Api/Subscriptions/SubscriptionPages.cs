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
/// it shows a button, and the button POSTs. Every page names the site, never the address. Pages are in
/// the language the address subscribed in, else the site's <c>Language</c>, else the browser's.
/// </summary>
public static class SubscriptionPages
{
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ConfirmForm(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Confirm, site.Id) is not { } valid) return BadToken();
        var t = await TextsAsync(http, site, store, valid, ct);
        return t.Page("subscriptions.confirm.title", $"<p>{t.Text("subscriptions.confirm.question", ("site", HtmlText.Encode(site.DisplayName)))}</p>{t.Button("confirm", token!, "subscriptions.confirm.button")}");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Confirm(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Confirm, site.Id) is not { } valid) return BadToken();
        var t = await TextsAsync(http, site, store, valid, ct);
        return await store.ConfirmAsync(site.Id, valid.Digest, ct)
            ? t.Page("subscriptions.confirmed.title", $"<p>{t.Text("subscriptions.confirmed.text")}</p>")
            : t.Page("subscriptions.nothing.title", $"<p>{t.Text("subscriptions.nothing.text")}</p>");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Manage(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        var subscriber = await store.GetAsync(site.Id, valid.Digest, ct);
        var t = Texts(http, site, subscriber?.Language);
        if (subscriber is null || subscriber.Subscriptions.Count == 0)
            return t.Page("subscriptions.manage.title", $"<p>{t.Text("subscriptions.manage.none")}</p>");
        var unconfirmed = " " + t.Text("subscriptions.manage.unconfirmed");
        var rows = string.Concat(subscriber.Subscriptions.Select(s => s.Kind == SubscriptionKind.Thread
            ? $"<li>{t.Text("subscriptions.manage.thread", ("thread", Code(s.Thread!)))}{(s.Confirmed ? "" : unconfirmed)} {t.Button($"manage/remove?thread={Uri.EscapeDataString(s.Thread!)}&", token!, "subscriptions.manage.stop")}</li>"
            : $"<li>{t.Text("subscriptions.manage.posts")}{(s.Confirmed ? "" : unconfirmed)}: {FrequencyName(t, s.Frequency)} {FrequencyButtons(t, token!, s.Frequency)} {t.Button("manage/posts?frequency=stop&", token!, "subscriptions.manage.stop")}</li>"));
        return t.Page("subscriptions.manage.title", $"<ul>{rows}</ul>{t.Button("unsubscribe", token!, "subscriptions.manage.forget")}");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> RemoveThread(string? token, string? thread, HttpContext http,
        SubscriptionTokens tokens, ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        if (Problems.BadThread(thread) is { } bad) return bad;
        var t = await TextsAsync(http, site, store, valid, ct);
        await store.RemoveThreadAsync(site.Id, valid.Digest, thread!, ct);
        return t.Page("subscriptions.stopped.title", $"<p>{t.Text("subscriptions.stopped.text")}</p>");
    }

    /// <summary>The manage page's new-posts buttons: another frequency, or <c>stop</c>.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ChangePosts(string? token, string? frequency, HttpContext http,
        SubscriptionTokens tokens, ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        if (frequency is null || (frequency != "stop" && !SubscriptionRequests.IsFrequency(frequency)))
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.SubscriptionInvalid, "The subscription has errors.",
                [new FieldError("frequency", ErrorCodes.SubscriptionInvalid, "frequency is 'post', 'daily', 'weekly' or 'stop'.")]);
        var t = await TextsAsync(http, site, store, valid, ct);
        if (frequency == "stop")
        {
            await store.RemovePostsAsync(site.Id, valid.Digest, ct);
            return t.Page("subscriptions.stopped.title", $"<p>{t.Text("subscriptions.posts.stopped")}</p>");
        }
        var chosen = SubscriptionRequests.Frequency(frequency);
        return await store.SetPostFrequencyAsync(site.Id, valid.Digest, chosen, ct)
            ? t.Page("subscriptions.posts.changed.title", $"<p>{t.Text("subscriptions.posts.changed", ("frequency", FrequencyName(t, chosen)))}</p>")
            : t.Page("subscriptions.manage.title", $"<p>{t.Text("subscriptions.posts.none")}</p>");
    }

    private static string FrequencyName(PageTexts t, PostFrequency f) => t.Text(f switch
    {
        PostFrequency.Daily => "subscriptions.posts.daily",
        PostFrequency.Weekly => "subscriptions.posts.weekly",
        _ => "subscriptions.posts.each",
    });

    private static string FrequencyButtons(PageTexts t, string token, PostFrequency current) =>
        string.Concat(new[] { ("post", PostFrequency.Post, "subscriptions.posts.button.each"), ("daily", PostFrequency.Daily, "subscriptions.posts.button.daily"), ("weekly", PostFrequency.Weekly, "subscriptions.posts.button.weekly") }
            .Where(f => f.Item2 != current)
            .Select(f => t.Button($"manage/posts?frequency={f.Item1}&", token, f.Item3)));

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> UnsubscribeForm(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        var t = await TextsAsync(http, site, store, valid, ct);
        return t.Page("subscriptions.unsubscribe.title",
            $"<p>{t.Text("subscriptions.unsubscribe.question", ("site", HtmlText.Encode(site.DisplayName)))}</p>{t.Button("unsubscribe", token!, "subscriptions.unsubscribe.button")}");
    }

    /// <summary>RFC 8058 one-click: a POST (body <c>List-Unsubscribe=One-Click</c>, not needed) deletes the address.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(string? token, HttpContext http, SubscriptionTokens tokens,
        ISubscriptionStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.Manage, site.Id) is not { } valid) return BadToken();
        var t = await TextsAsync(http, site, store, valid, ct); // read before the address (and its language) is deleted
        await store.DeleteAsync(site.Id, valid.Digest, ct);
        return t.Page("subscriptions.unsubscribed.title", $"<p>{t.Text("subscriptions.unsubscribed.text")}</p>");
    }

    private static async Task<PageTexts> TextsAsync(HttpContext http, SiteOptions site, ISubscriptionStore store, SubscriptionToken valid, CancellationToken ct) =>
        Texts(http, site, await store.LanguageAsync(site.Id, valid.Digest, ct));

    private static PageTexts Texts(HttpContext http, SiteOptions site, string? subscribed)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        return new PageTexts(strings, strings.Pick([subscribed, site.Language, .. UiStrings.Accepted(http.Request)]), site);
    }

    /// <summary>Placeholder values are HTML here (already encoded), so a thread id can be set in <c>&lt;code&gt;</c>, left to right (isolated) inside right-to-left text.</summary>
    private static string Code(string thread) => $"<code dir=\"ltr\">{HtmlText.Encode(thread)}</code>";

    /// <summary>The strings of one page in one language, as HTML.</summary>
    private sealed record PageTexts(UiStrings Strings, string Language, SiteOptions Site)
    {
        /// <summary>The string, encoded; the values are put in as they are (encode them first).</summary>
        public string Text(string key, params (string Name, string Html)[] values)
        {
            var text = HtmlText.Encode(Strings.Get(Language, key) ?? key);
            foreach (var (name, html) in values) text = text.Replace("{" + name + "}", html, StringComparison.Ordinal);
            return text;
        }

        public string Button(string action, string token, string labelKey) =>
            $"<form method=\"post\" action=\"{HtmlText.Encode(action)}{(action.EndsWith('&') ? "" : "?")}token={HtmlText.Encode(Uri.EscapeDataString(token))}\"><button type=\"submit\">{Text(labelKey)}</button></form>";

        public ContentHttpResult Page(string titleKey, string body)
        {
            var title = Text(titleKey);
            return TypedResults.Content($"""
                <!doctype html><html lang="{Language}" dir="{(UiStrings.IsRtl(Language) ? "rtl" : "ltr")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>{title} · {HtmlText.Encode(Site.DisplayName)}</title></head>
                <body><main><h1>{title}</h1>{body}</main></body></html>
                """, "text/html; charset=utf-8");
        }
    }

    private static ProblemHttpResult BadToken() =>
        Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.SubscriptionBadLink, "The link is not valid, or it has expired.",
            [new FieldError("token", ErrorCodes.SubscriptionBadLink, "Open the link from the latest mail, or subscribe again.")]);
}
