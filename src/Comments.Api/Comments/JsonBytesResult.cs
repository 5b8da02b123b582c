using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Comments.Api.Comments;

/// <summary>
/// A 200 whose JSON body is already rendered (a cached page): written as is, documented in the
/// OpenAPI document as <typeparamref name="T"/>.
/// </summary>
public sealed class JsonBytesResult<T>(byte[] body) : IResult, IEndpointMetadataProvider
{
    public byte[] Body => body;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
