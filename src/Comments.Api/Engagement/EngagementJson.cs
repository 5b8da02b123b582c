using System.Text.Json.Serialization;

namespace Comments.Api.Engagement;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(Infrastructure.StrictStringConverter)])]
[JsonSerializable(typeof(LikeRequest))]
[JsonSerializable(typeof(LikeResponse))]
[JsonSerializable(typeof(ThreadLikesResponse))]
[JsonSerializable(typeof(RecentCommentsResponse))]
[JsonSerializable(typeof(AuthorEditRequest))]
[JsonSerializable(typeof(AuthorTokenRequest))]
[JsonSerializable(typeof(OwnComment))]
[JsonSerializable(typeof(FlagRequest))]
[JsonSerializable(typeof(FlagResponse))]
internal sealed partial class EngagementJson : JsonSerializerContext;
