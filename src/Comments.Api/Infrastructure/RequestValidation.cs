using System.Text.Json.Serialization.Metadata;
using Comments.Core.Submissions;
using FluentValidation;

namespace Comments.Api.Infrastructure;

/// <summary>
/// A request record's validator (STYLE.md habit 4): its rules name the JSON fields, and a refusal
/// is a 400 ProblemDetails with <see cref="Code"/> and a <c>fields</c> entry per failed rule.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    /// <summary>The top-level code of a refusal, from <see cref="ErrorCodes"/>.</summary>
    public abstract string Code { get; }

    public virtual string Title => "The request has errors.";
}

/// <summary>
/// The one way a JSON body reaches a handler: read under a byte cap by <see cref="JsonBody"/>,
/// checked by the record's <see cref="RequestValidator{T}"/> (from DI), then handed over with
/// <see cref="RequestValidation.Body{T}"/>. A refusal returns before the handler, so nothing is stored.
/// </summary>
public sealed class ValidationFilter<T>(JsonTypeInfo<T> typeInfo, long maxBytes) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (body, problem) = await JsonBody.ReadAsync(http.Request, typeInfo, maxBytes, http.RequestAborted);
        if (problem is not null) return problem;
        var validator = http.RequestServices.GetRequiredService<RequestValidator<T>>();
        var result = await validator.ValidateAsync(body!, http.RequestAborted);
        if (!result.IsValid)
            return Problems.Of(StatusCodes.Status400BadRequest, validator.Code, validator.Title,
                result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorCode, e.ErrorMessage)).ToList());
        http.Items[typeof(T)] = body;
        return await next(context);
    }
}

public static class RequestValidation
{
    /// <summary>Reads and validates the body as <typeparamref name="T"/> before the handler runs.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder route, JsonTypeInfo<T> typeInfo, long maxBytes) where T : class =>
        route.AddEndpointFilter(new ValidationFilter<T>(typeInfo, maxBytes))
            .Accepts<T>("application/json")
            .ProducesValidationProblem();

    /// <summary>The body <see cref="ValidationFilter{T}"/> read and validated.</summary>
    public static T Body<T>(HttpContext http) where T : class =>
        http.Items[typeof(T)] as T ?? throw new InvalidOperationException($"No validated {typeof(T).Name}: the endpoint lacks WithValidation<{typeof(T).Name}>().");

    /// <summary>Every <see cref="RequestValidator{T}"/> of the host, as a singleton.</summary>
    public static IServiceCollection AddRequestValidators(this IServiceCollection services)
    {
        foreach (var type in typeof(RequestValidation).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            for (var b = type.BaseType; b is not null; b = b.BaseType)
            {
                if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(RequestValidator<>)) services.AddSingleton(b, type);
            }
        }
        return services;
    }
}
