using System.Text.Json;
using System.Text.Json.Serialization;
using Comments.Core.Moderation;

namespace Comments.Storage;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(Label))]
[JsonSerializable(typeof(Moderator))]
internal sealed partial class ModerationStorageJson : JsonSerializerContext;
