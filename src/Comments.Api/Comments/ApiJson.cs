using System.Text.Json.Serialization;
using Comments.Core.Comments;
using Microsoft.AspNetCore.Mvc;

namespace Comments.Api.Comments;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(Infrastructure.StrictStringConverter)])]
[JsonSerializable(typeof(CommentRequest))]
[JsonSerializable(typeof(PublicComment))]
[JsonSerializable(typeof(HeldResponse))]
[JsonSerializable(typeof(ThreadCommentsResponse))]
[JsonSerializable(typeof(ThreadCountsResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJson : JsonSerializerContext;
