using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Core.Moderation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

public static class ModerationServiceExtensions
{
    /// <summary>Moderator keys and their authentication, the moderation service, the subscribers that keep the moderators' hub live (SignalR and its backplane: <see cref="Realtime.Backplane"/>).</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ModerationOptions>(configuration, ModerationOptions.Section);
        services.AddSingleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidation>();
        services.AddSingleton<ModeratorKeys>();
        // Not the default scheme: only routes that require the moderator policy look at a key, so a
        // header on a public request never costs a store lookup.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ModeratorKeyAuthentication>(ModeratorKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ModeratorKeyAuthentication.PolicyName, policy => policy
            .AddAuthenticationSchemes(ModeratorKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser());

        services.AddSingleton<CommentDecisions>();
        services.AddSingleton<ModerationService>();
        services.AddSingleton<ModerationItems>();
        // Notices first, then the counts they change.
        services.AddCommentEventSubscriber<ModerationQueueBroadcaster>();
        services.AddCommentEventSubscriber<ModerationCountsBroadcaster>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(ModerationJson.Default));
        return services;
    }
}
