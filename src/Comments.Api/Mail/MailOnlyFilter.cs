using Comments.Api.Infrastructure;
using Comments.Core.Submissions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Mail;

public static class MailOnlyFilter
{
    /// <summary>
    /// No <c>Mail:Host</c>: endpoints that exist to send mail say so (501 <c>mail.disabled</c>, with
    /// <paramref name="title"/>) rather than accept what they could never send.
    /// </summary>
    public static TBuilder RequireMail<TBuilder>(this TBuilder builder, string title) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value.Enabled
                ? next(context)
                : ValueTask.FromResult<object?>(Problems.Of(StatusCodes.Status501NotImplemented, ErrorCodes.MailDisabled, title)));
}
