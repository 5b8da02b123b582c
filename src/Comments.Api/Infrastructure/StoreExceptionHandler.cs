using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The last line: an exception becomes a ProblemDetails without internals. A store that is down or
/// not ready (loading, busy, out of memory or disk) is a 503 the client may retry (nothing was
/// acknowledged); an embedded store at its capacity is a 507 (nothing was written); a client whose body was too slow or cut off gets 408/400 and one quiet log line
/// (a stack trace per such request would let any client flood the logs); anything else is a 500
/// logged with its trace id.
/// </summary>
public sealed partial class StoreExceptionHandler(ILogger<StoreExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Redis error prefixes of a server that is there but cannot take the command now.</summary>
    private static readonly string[] NotReady = ["LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "MISCONF", "OOM", "READONLY", "NOREPLICAS"];

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (ClientFault(http, exception) is { } fault)
        {
            LogClientFault(http.Request.Method, http.Request.Path, fault.Status, exception.GetType().Name, http.TraceIdentifier);
            if (http.Response.HasStarted || http.RequestAborted.IsCancellationRequested) return true;
            await Problems.Of(fault.Status, fault.Code, fault.Title).ExecuteAsync(http);
            return true;
        }
        if (http.Response.HasStarted) return false;
        if (exception is InvalidIdException invalid)
        {
            // The edges check every id; this is the store layer's own refusal, never a key.
            await Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidId, $"Not a valid {invalid.Kind} id.").ExecuteAsync(http);
            return true;
        }
        if (exception is Core.Storage.StoreFullException)
        {
            // Refused before anything was written; the operator was warned (readiness Degraded, a warning) at 80%.
            LogStoreUnavailable(http.Request.Method, http.Request.Path, "store full", http.TraceIdentifier);
            Telemetry.HostMetrics.StoreErrors.Add(1, new KeyValuePair<string, object?>("error", "full"));
            await Problems.Of(StatusCodes.Status507InsufficientStorage, ErrorCodes.StoreFull,
                "The comment store is full: new comments cannot be taken now. Reading still works.").ExecuteAsync(http);
            return true;
        }
        var unavailable = IsStoreUnavailable(exception);
        if (unavailable)
        {
            LogStoreUnavailable(http.Request.Method, http.Request.Path, Describe(exception), http.TraceIdentifier);
            Telemetry.HostMetrics.StoreErrors.Add(1, new KeyValuePair<string, object?>("error", "unavailable"));
        }
        else
            LogFailure(exception, http.Request.Method, http.Request.Path, http.TraceIdentifier);
        var problem = unavailable
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StoreUnavailable, "The comment store is unavailable. Try again shortly.")
            : Problems.Of(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "Something went wrong on our side.");
        if (unavailable) http.Response.Headers.RetryAfter = "5";
        await problem.ExecuteAsync(http);
        return true;
    }

    public static bool IsStoreUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or ServerSecretUnavailableException => true,
        RedisServerException server => NotReady.Any(prefix => server.Message.StartsWith(prefix, StringComparison.Ordinal)),
        AggregateException { InnerExceptions: [var only] } => IsStoreUnavailable(only),
        _ => false,
    };

    /// <summary>The client's own doing: a body too slow, cut off, or a connection gone.</summary>
    private static (int Status, string Code, string Title)? ClientFault(HttpContext http, Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
            (StatusCodes.Status408RequestTimeout, ErrorCodes.BodyTimeout, "The request body arrived too slowly."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, "The request body is too large."),
        BadHttpRequestException bad =>
            (bad.StatusCode, ErrorCodes.BodyIncomplete, "The request body was cut off or malformed."),
        ConnectionResetException or OperationCanceledException or IOException when http.RequestAborted.IsCancellationRequested =>
            (StatusCodes.Status400BadRequest, ErrorCodes.BodyIncomplete, "The client went away."),
        _ => null,
    };

    private static string Describe(Exception e) => e is RedisServerException ? e.Message.Split(' ', 2)[0] : e.GetType().Name;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path} ({TraceId})")]
    private partial void LogFailure(Exception e, string method, string path, string traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable on {Method} {Path}: {Error} ({TraceId})")]
    private partial void LogStoreUnavailable(string method, string path, string error, string traceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client fault on {Method} {Path}: {Status} {Error} ({TraceId})")]
    private partial void LogClientFault(string method, string path, int status, string error, string traceId);
}
