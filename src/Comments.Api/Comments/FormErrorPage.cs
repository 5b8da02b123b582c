using System.Globalization;
using System.Text;
using Comments.Api.Infrastructure;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Comments;

/// <summary>
/// The no-JavaScript form's answer to a refused comment, for a browser: an HTML page in the
/// reader's language that says what to correct and gives the form back with what they typed, so
/// nothing written is lost. The language is the form's <c>lang</c> field, else the site's
/// <c>Language</c>, else the browser's <c>Accept-Language</c>. Clients that do not ask for HTML get
/// the ProblemDetails as before.
/// </summary>
public static class FormErrorPage
{
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static ContentHttpResult Render(
        HttpContext http, SiteOptions site, IReadOnlyDictionary<string, string> form, Uri article, SubmissionProblem problem, int status)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        form.TryGetValue("lang", out var asked);
        var lang = strings.Pick([asked, site.Language, .. UiStrings.Accepted(http.Request)]);
        string S(string key, params (string, string)[] values) => strings.Get(lang, key, values) ?? key;
        string Field(string name) => form.TryGetValue(name, out var v) ? v : "";

        var messages = problem.Errors.Count > 0
            ? problem.Errors.Select(e => Message(strings, lang, e)).Distinct().ToList()
            : [strings.Get(lang, "error." + problem.Code) ?? S("sendFailed")];

        var html = new StringBuilder(4096);
        var dir = UiStrings.IsRtl(lang) ? "rtl" : "ltr";
        html.Append($"<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(S("fixFields"))}</title><style>{Css}</style></head><body><main>")
            .Append($"<h1>{E(S("fixFields"))}</h1><ul class=\"errors\" role=\"alert\">");
        foreach (var message in messages) html.Append($"<li>{E(message)}</li>");
        html.Append("</ul>")
            .Append($"<form method=\"post\" action=\"{E(http.Request.Path + http.Request.QueryString)}\">")
            .Append(Input("comment", S("comment"), Field("comment"), problem, required: true, multiline: true))
            .Append(Input("author", S("name"), Field("author"), problem, required: site.RequireNameAndEmail))
            .Append(Input("email", S("email"), Field("email"), problem, required: site.RequireNameAndEmail, type: "email"))
            .Append(Input("url", S("website"), Field("url"), problem, required: false, type: "url"))
            .Append($"<p class=\"note\">{E(S("emailNotes"))}</p>");
        foreach (var hidden in new[] { "comment_parent", "redirect_to", "lang" })
            if (form.TryGetValue(hidden, out var value))
                html.Append($"<input type=\"hidden\" name=\"{hidden}\" value=\"{E(value)}\">");
        html.Append($"<p><button type=\"submit\">{E(S("postComment"))}</button></p></form>")
            .Append($"<p><a href=\"{E(article.AbsoluteUri)}\">{E(S("backToArticle"))}</a></p></main></body></html>");

        // The page echoes only what this reader typed, to this reader: never cached, never framed elsewhere.
        http.Response.Headers.CacheControl = "no-store";
        // form-action covers the 303 that follows the post, so the article's origin is named too.
        http.Response.Headers["Content-Security-Policy"] =
            $"default-src 'none'; style-src 'unsafe-inline'; form-action 'self' {article.GetLeftPart(UriPartial.Authority)}; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (problem.RetryAfter is { } wait)
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A field error in the reader's language, by field and stable code; the server's English when no string fits.</summary>
    private static string Message(UiStrings strings, string lang, FieldError error)
    {
        var key = (error.Field, error.Code) switch
        {
            ("comment", ErrorCodes.Required) => "writeComment",
            ("author", ErrorCodes.Required) => "nameRequired",
            ("email", ErrorCodes.Required) => "emailRequired",
            (_, ErrorCodes.InvalidEmail) => "emailInvalid",
            (_, ErrorCodes.InvalidUrl) => "urlInvalid",
            (_, ErrorCodes.ControlCharacters) => "controlChars",
            (_, ErrorCodes.TooLong) => "tooLong",
            _ => "error." + error.Code,
        };
        var limit = error.Field switch
        {
            "comment" => FieldLimits.TextBytes,
            "author" => FieldLimits.AuthorNameBytes,
            "email" => FieldLimits.AuthorEmailBytes,
            "url" => FieldLimits.AuthorUrlBytes,
            _ => 0,
        };
        var text = strings.Get(lang, key, ("n", limit.ToString(CultureInfo.InvariantCulture))) ?? error.Message;
        return key == "tooLong" ? $"{FieldName(strings, lang, error.Field)}: {text}" : text;
    }

    private static string FieldName(UiStrings strings, string lang, string field) =>
        strings.Get(lang, field switch { "author" => "name", "url" => "website", _ => field }) ?? field;

    private static string Input(string name, string label, string value, SubmissionProblem problem, bool required, bool multiline = false, string type = "text")
    {
        var invalid = problem.Errors.Any(e => e.Field == name) ? " aria-invalid=\"true\"" : "";
        var star = required ? " <span class=\"required\" aria-hidden=\"true\">*</span>" : "";
        var control = multiline
            ? $"<textarea id=\"{name}\" name=\"{name}\" rows=\"8\"{invalid}>{E(value)}</textarea>"
            : $"<input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{E(value)}\"{invalid}>";
        return $"<p><label for=\"{name}\">{E(label)}{star}</label>{control}</p>";
    }

    private static string E(string text) => HtmlText.Encode(text);

    private const string Css =
        "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1b;background:#fff}main{max-width:40rem;margin:2rem auto;padding:0 1rem}" +
        "h1{font-size:1.4rem}.errors{color:#b3261e;font-weight:600}label{display:block;font-weight:600;margin-bottom:.2rem}" +
        "input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #767676;border-radius:4px}" +
        "[aria-invalid=true]{border-color:#b3261e;border-width:2px}.required{color:#b3261e}.note{color:#555}" +
        "button{font:inherit;padding:.6rem 1.2rem;min-height:44px}a{color:#1a55c4}" +
        "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}input,textarea{background:#1c1c1c;color:#eee;border-color:#888}" +
        ".errors,.required{color:#ff8a80}.note{color:#bbb}a{color:#8ab4f8}}";
}
