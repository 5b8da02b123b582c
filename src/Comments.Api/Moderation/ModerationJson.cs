using System.Text.Json.Serialization;

namespace Comments.Api.Moderation;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(Infrastructure.StrictStringConverter)])]
[JsonSerializable(typeof(ModeratorResponse))]
[JsonSerializable(typeof(ModerationItem))]
[JsonSerializable(typeof(QueueResponse))]
[JsonSerializable(typeof(Core.Moderation.QueueCounts))]
[JsonSerializable(typeof(ActionRequest))]
[JsonSerializable(typeof(BulkActionRequest))]
[JsonSerializable(typeof(BulkActionResponse))]
[JsonSerializable(typeof(BanRequest))]
[JsonSerializable(typeof(LiftBanRequest))]
[JsonSerializable(typeof(BanResponse))]
[JsonSerializable(typeof(BanListResponse))]
[JsonSerializable(typeof(ThreadStateResponse))]
[JsonSerializable(typeof(ThreadDetailsRequest))]
[JsonSerializable(typeof(ThreadDetailsResponse))]
[JsonSerializable(typeof(AuditResponse))]
[JsonSerializable(typeof(Stats.SiteNumbers))]
internal sealed partial class ModerationJson : JsonSerializerContext;
