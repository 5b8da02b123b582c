using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Scoring;

/// <summary>
/// A model file that goes bad under a running service: a corrupt file swapped in, or the file
/// deleted. The service keeps the model it had (never scores with garbage, never fails a post),
/// says so in its health, and takes the next good file again.
/// </summary>
public sealed class ModelFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_corrupt_model_swapped_in_while_running_is_refused_and_the_previous_model_keeps_scoring()
    {
        await WithServiceAsync(async (service, store, modelDir, before) =>
        {
            var kept = service.WaitForLineAsync(l => l.Contains("Scoring models", StringComparison.Ordinal) && l.Contains("kept", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            var temporary = Path.Combine(modelDir, "spam.zip.new");
            await File.WriteAllBytesAsync(temporary, [.. "PK\u0003\u0004 this is not a model"u8, .. new byte[512]], Ct);
            File.Move(temporary, Path.Combine(modelDir, "spam.zip"), overwrite: true);
            await kept;

            await AssertStillScoredWithAsync(service, store, before);

            // A good file again: taken, and the health is clean.
            // The startup line reads the same, so only a line written after the swap counts.
            var taken = service.WaitForLineAsync(
                l => l.Contains("Scoring models", StringComparison.Ordinal) && l.Contains("loaded", StringComparison.Ordinal) && !l.Contains("kept", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), includePast: false);
            File.Copy(Path.Combine(RepoPaths.Models, "spam.zip"), temporary);
            File.Move(temporary, Path.Combine(modelDir, "spam.zip"), overwrite: true);
            await taken;
            var model = await ModelCheckAsync(service);
            Assert.Equal("Healthy", model.GetProperty("status").GetString());
            var (status, version, _) = await PostAsync(service, store, "One more ordinary comment, with the good file back.");
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(before, version);
        });
    }

    [Fact]
    public async Task A_model_file_deleted_while_running_leaves_the_previous_model_scoring_and_says_so()
    {
        await WithServiceAsync(async (service, store, modelDir, before) =>
        {
            var kept = service.WaitForLineAsync(l => l.Contains("Scoring models", StringComparison.Ordinal) && l.Contains("kept", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            File.Delete(Path.Combine(modelDir, "toxicity.zip"));
            await kept;

            await AssertStillScoredWithAsync(service, store, before);
        });
    }

    /// <summary>The next comment is published (not held, not a 500), scored by the model version of before, and the health says a model was kept.</summary>
    private static async Task AssertStillScoredWithAsync(ServiceProcess service, IDatabase store, string before)
    {
        var (status, version, stored) = await PostAsync(service, store, "Another ordinary comment about the build, after the file went bad.");
        Assert.True(status == HttpStatusCode.Created, $"expected 201 from the kept model, got {(int)status}: {stored}");
        Assert.Equal(before, version);
        Assert.DoesNotContain("model.unavailable", stored);
        var model = await ModelCheckAsync(service);
        Assert.Contains("kept", model.GetProperty("description").GetString());
        Assert.False(service.HasExited);
    }

    private static async Task WithServiceAsync(Func<ServiceProcess, IDatabase, string, string, Task> body)
    {
        var modelDir = Directory.CreateTempSubdirectory("comments-models-").FullName;
        var dataDir = Directory.CreateTempSubdirectory("comments-modelfail-").FullName;
        try
        {
            ModelFolderService.CopyShippedModels(modelDir);
            var (started, connection, _) = await ModelFolderService.StartAsync(modelDir, dataDir);
            await using var service = started;
            using var store = connection;
            var (status, before, stored) = await PostAsync(service, store.GetDatabase(), "Thanks for the write-up, it helped me fix my build.");
            Assert.True(status == HttpStatusCode.Created, $"the good model published an ordinary comment: {stored}");
            Assert.NotNull(before);
            await body(service, store.GetDatabase(), modelDir, before!);
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string? Version, string Stored)> PostAsync(ServiceProcess service, IDatabase store, string text)
    {
        using var client = service.CreateClient();
        using var response = await client.PostAsync(TestSites.Model, TestSites.NewThread("modelfail"), TestApi.Reply(text));
        var body = await response.JsonAsync();
        if (!body.TryGetProperty("id", out var id)) return (response.StatusCode, null, body.GetRawText());
        var json = (string)(await store.StringGetAsync($"c:{{{TestSites.Model}}}:comment:{id.GetString()}"))!;
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.GetProperty("modelVersion").GetString(), json);
    }

    private static async Task<JsonElement> ModelCheckAsync(ServiceProcess service)
    {
        using var client = service.CreateClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        return (await ready.JsonAsync()).GetProperty("checks").GetProperty("model");
    }
}
