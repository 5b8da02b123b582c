using System.Text.Json;
using System.Text.Json.Serialization;
using Comments.Core.Comments;
using Comments.Core.Storage;

namespace Comments.Storage;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Comment))]
[JsonSerializable(typeof(SubmissionAnswer))]
[JsonSerializable(typeof(Ban))]
internal sealed partial class StorageJson : JsonSerializerContext;
