using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Submissions;
using Comments.Core.Subscriptions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Subscriptions;

/// <summary>
/// Mail subscriptions, double opt-in: ask (a confirmation mail goes out), confirm from the mail's link,
/// manage or leave from the signed link in every mail (one-click unsubscribe, RFC 8058). Answers never
/// say whether an address is subscribed, and never carry one.
/// </summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Subscriptions", "/subscriptions")
            .RequireMail("This server sends no mail: subscriptions are off.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);

        group.MapPost("", Subscribe)
            .WithName("Subscribe")
            .WithSummary("Ask for mail about a thread's follow-up comments (or the site's new posts): 202, and a confirmation mail goes to the address.")
            .WithValidation(SubscriptionJson.Default.SubscribeRequest, 4 * 1024)
            .RequireRateLimiting(RateLimits.PostPolicy);

        group.MapGet("/signup", Signup)
            .WithName("SignupBox")
            .WithSummary("What the sign-up box (signup.js) shows: the site's heading and consent text, null where the widget's strings apply.")
            .RequireRateLimiting(RateLimits.ReadPolicy);
        group.MapGet("/confirm", SubscriptionPages.ConfirmForm).WithName("ConfirmSubscriptionPage").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("The page a confirmation link opens: one button that confirms.").RequireRateLimiting(RateLimits.ReadPolicy);
        group.MapPost("/confirm", SubscriptionPages.Confirm).WithName("ConfirmSubscription").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("Confirms the address's pending subscriptions (token from the confirmation mail).").RequireRateLimiting(RateLimits.PostPolicy);
        group.MapGet("/manage", SubscriptionPages.Manage).WithName("ManageSubscriptions").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("The address's subscriptions, with unsubscribe buttons (token from any mail).").RequireRateLimiting(RateLimits.ReadPolicy);
        group.MapPost("/manage/posts", SubscriptionPages.ChangePosts).WithName("ChangePostsSubscription").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("Changes the new-posts mail (token from any mail, ?frequency=post|daily|weekly, or stop).").RequireRateLimiting(RateLimits.PostPolicy);
        group.MapPost("/manage/remove", SubscriptionPages.RemoveThread).WithName("RemoveThreadSubscription").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("Stops one thread's mail (token from any mail, ?thread=).").RequireRateLimiting(RateLimits.PostPolicy);
        group.MapPost("/unsubscribe", SubscriptionPages.Unsubscribe).WithName("Unsubscribe").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("One-click unsubscribe (RFC 8058): deletes the address and all its subscriptions on the site.").RequireRateLimiting(RateLimits.PostPolicy);
        group.MapGet("/unsubscribe", SubscriptionPages.UnsubscribeForm).WithName("UnsubscribePage").Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("The page the unsubscribe link opens: one button that unsubscribes.").RequireRateLimiting(RateLimits.ReadPolicy);
        return group;
    }

    public static Ok<SignupBoxResponse> Signup(HttpContext http)
    {
        var site = SiteFilter.Site(http);
        return TypedResults.Ok(new SignupBoxResponse(
            string.IsNullOrWhiteSpace(site.SignupHeading) ? null : site.SignupHeading,
            string.IsNullOrWhiteSpace(site.SignupText) ? null : site.SignupText));
    }

    public static async Task<Accepted<SubscribeResponse>> Subscribe(HttpContext http, SubscriptionRequests requests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<SubscribeRequest>(http);
        var subscription = body.Kind == "posts"
            ? new Subscription(SubscriptionKind.Posts, null, false, SubscriptionRequests.Frequency(body.Frequency))
            : new Subscription(SubscriptionKind.Thread, body.Thread, false);
        // A filled honeypot is a bot: it is told what a person is told, and nothing is stored or sent.
        if (string.IsNullOrEmpty(body.Honeypot)) await requests.RequestAsync(site.Id, body.Email!, subscription, body.Lang, ct);
        // The same answer whether a mail went, was held back by the daily limit, or the address had confirmed.
        return TypedResults.Accepted((string?)null, new SubscribeResponse("confirmation_sent"));
    }
}

/// <param name="Heading">The site's <c>SignupHeading</c>; null: the shipped heading in the reader's language.</param>
/// <param name="Text">The site's <c>SignupText</c> (consent); null: the shipped text.</param>
public sealed record SignupBoxResponse(string? Heading, string? Text);

/// <param name="Kind"><c>thread</c> (default: follow-up comments of <paramref name="Thread"/>) or <c>posts</c> (the site's new posts).</param>
/// <param name="Frequency">With <c>posts</c>: <c>post</c> (default, a mail per post), <c>daily</c> or <c>weekly</c> (one digest mail).</param>
/// <param name="Honeypot">Left empty by people (the sign-up box hides it); bots fill it, and are answered as people are with nothing stored.</param>
/// <param name="Lang">The reader's language tag (<c>de</c>, <c>pt-BR</c>): their mails and subscription pages are in it. Default: the site's.</param>
public sealed record SubscribeRequest(string? Email, string? Thread, string? Kind = null, string? Frequency = null, string? Honeypot = null, string? Lang = null);

/// <param name="Status">Always <c>confirmation_sent</c>: look for the mail.</param>
public sealed record SubscribeResponse(string Status);

public sealed class SubscribeRequestValidator : RequestValidator<SubscribeRequest>
{
    public override string Code => ErrorCodes.SubscriptionInvalid;
    public override string Title => "The subscription has errors.";

    public SubscribeRequestValidator()
    {
        RuleFor(r => r.Email).Must(e => e is { Length: > 0 and <= FieldLimits.AuthorEmailBytes } && TextChecks.IsEmail(e.Trim()))
            .OverridePropertyName("email").WithErrorCode(ErrorCodes.InvalidEmail).WithMessage("Enter a valid email address.");
        RuleFor(r => r.Kind).Must(k => k is null or "thread" or "posts")
            .OverridePropertyName("kind").WithErrorCode(ErrorCodes.SubscriptionInvalid).WithMessage("kind is 'thread' or 'posts'.");
        RuleFor(r => r.Frequency).Must(f => f is null || SubscriptionRequests.IsFrequency(f)).When(r => r.Kind == "posts")
            .OverridePropertyName("frequency").WithErrorCode(ErrorCodes.SubscriptionInvalid).WithMessage("frequency is 'post', 'daily' or 'weekly'.");
        RuleFor(r => r.Frequency).Null().When(r => r.Kind != "posts")
            .OverridePropertyName("frequency").WithErrorCode(ErrorCodes.SubscriptionInvalid).WithMessage("frequency goes with kind 'posts' only.");
        RuleFor(r => r.Thread).Must(Ids.IsThread).When(r => r.Kind is null or "thread")
            .OverridePropertyName("thread").WithErrorCode(ErrorCodes.InvalidThreadId).WithMessage("A thread subscription needs the thread's id.");
        RuleFor(r => r.Lang).Must(l => l is null || UiStrings.IsLanguageTag(l))
            .OverridePropertyName("lang").WithErrorCode(ErrorCodes.InvalidLanguage).WithMessage("lang is a language tag, like 'de' or 'pt-BR'.");
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(StrictStringConverter)])]
[System.Text.Json.Serialization.JsonSerializable(typeof(SubscribeRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SubscribeResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SignupBoxResponse))]
internal sealed partial class SubscriptionJson : System.Text.Json.Serialization.JsonSerializerContext;
