using Comments.Storage;

namespace Comments.Api.Comments;

/// <summary>Subscribes <see cref="ThreadVersions"/> to the store's thread changes when the node starts.</summary>
public sealed class ThreadVersionsStart(ThreadVersions versions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => versions.StartAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
