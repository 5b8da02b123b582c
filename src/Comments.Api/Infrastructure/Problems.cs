using Comments.Core.Comments;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Every non-2xx answer is RFC 7807 ProblemDetails with a stable <c>code</c> extension, and for
/// field errors an <c>errors</c> map (field → messages) and a <c>fields</c> list with per-field codes.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string title, IReadOnlyList<FieldError>? fields = null)
    {
        // type and traceId come from ASP.NET's ProblemDetails defaults and the AddProblemDetails customisation.
        var problem = new ProblemDetails { Status = status, Title = title };
        problem.Extensions["code"] = code;
        if (fields is { Count: > 0 })
        {
            problem.Extensions["errors"] = fields.GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
            problem.Extensions["fields"] = fields.Select(f => new { field = f.Field, code = f.Code, message = f.Message }).ToArray();
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult SiteNotFound(string site) =>
        Of(StatusCodes.Status404NotFound, ErrorCodes.SiteNotFound, "No such site.",
            [new FieldError("site", ErrorCodes.SiteNotFound, $"There is no site '{Clip(site)}' on this server.")]);

    public static ProblemHttpResult BadQuery(string field, string message) =>
        Of(StatusCodes.Status400BadRequest, ErrorCodes.BadQuery, "The query is not valid.",
            [new FieldError(field, ErrorCodes.BadQuery, message)]);

    /// <summary>The answer to a thread id in a path or query that is not of <see cref="Ids.IsThread"/>'s pattern; null when it is.</summary>
    public static ProblemHttpResult? BadThread(string? thread) =>
        Ids.IsThread(thread) ? null : BadQuery("thread", "Not a valid thread id.");

    /// <summary>The route's <c>{thread}</c> is checked (<see cref="BadThread"/>) before anything after this filter, the body included.</summary>
    public static RouteHandlerBuilder WithThreadId(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter((context, next) =>
            BadThread(context.HttpContext.GetRouteValue("thread") as string) is { } bad ? ValueTask.FromResult<object?>(bad) : next(context));

    public static ProblemHttpResult From(SubmissionProblem problem) => Of(StatusOf(problem), problem.Code, problem.Title, problem.Errors);

    public static int StatusOf(SubmissionProblem problem) => problem.Kind switch
    {
        ProblemKind.SiteNotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Echo user input in errors only in a short, harmless form.</summary>
    private static string Clip(string value) =>
        new(value.Take(64).Where(c => !char.IsControl(c)).ToArray());
}
