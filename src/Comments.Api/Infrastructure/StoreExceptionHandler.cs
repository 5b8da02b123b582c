using Comments.Core.Submissions;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The last line: an exception becomes a ProblemDetails without internals. A store outage is a
/// 503 the client may retry (nothing was acknowledged); anything else is a 500 logged with its trace id.
/// </summary>
public sealed partial class StoreExceptionHandler(ILogger<StoreExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (http.Response.HasStarted) return false;
        if (exception is Core.Comments.InvalidIdException invalid)
        {
            // The edges check every id; this is the store layer's own refusal, never a key.
            await Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidId, $"Not a valid {invalid.Kind} id.").ExecuteAsync(http);
            return true;
        }
        if (exception is BadHttpRequestException bad)
        {
            // The client's request was malformed on the wire (broken chunk framing, a body shorter
            // than its Content-Length, over the size cap): its fault, answered with Kestrel's
            // status as a ProblemDetails and logged without a stack trace, never a 500.
            LogBadRequest(bad.StatusCode, http.Request.Method, http.Request.Path, bad.Message);
            await Problems.Of(bad.StatusCode, bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ErrorCodes.BodyTooLarge,
                _ => ErrorCodes.BadRequest,
            }, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.").ExecuteAsync(http);
            return true;
        }
        var unavailable = exception is RedisConnectionException or RedisTimeoutException;
        LogFailure(exception, http.Request.Method, http.Request.Path, http.TraceIdentifier);
        var problem = unavailable
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StoreUnavailable, "The comment store is unavailable. Try again shortly.")
            : Problems.Of(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "Something went wrong on our side.");
        if (unavailable) http.Response.Headers.RetryAfter = "5";
        await problem.ExecuteAsync(http);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Malformed request {Method} {Path}: {Status} {Reason}")]
    private partial void LogBadRequest(int status, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path} ({TraceId})")]
    private partial void LogFailure(Exception e, string method, string path, string traceId);
}
