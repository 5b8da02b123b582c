using System.Net;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Scoring;

/// <summary>Model files swapped or missing under a running service: hot reload and fail-closed.</summary>
public sealed class ModelLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string?> PostAndReadVersion(ServiceProcess service, IDatabase store, string text)
    {
        using var client = service.CreateClient();
        using var response = await client.PostAsync(TestSites.Model, TestSites.NewThread("life"), TestApi.Reply(text));
        var id = (await response.JsonAsync()).GetProperty("id").GetString();
        var json = (string)(await store.StringGetAsync($"c:{{{TestSites.Model}}}:comment:{id}"))!;
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("modelVersion").GetString();
    }

    [Fact]
    public async Task Swapping_a_model_file_changes_the_version_on_the_next_comment_without_a_restart()
    {
        var modelDir = Directory.CreateTempSubdirectory("comments-models-").FullName;
        var dataDir = Directory.CreateTempSubdirectory("comments-life-").FullName;
        try
        {
            ModelFolderService.CopyShippedModels(modelDir);
            var (service, store, _) = await ModelFolderService.StartAsync(modelDir, dataDir);
            await using var _ = service;
            using var __ = store;
            var before = await PostAndReadVersion(service, store.GetDatabase(), "Thanks for the write-up, it helped me fix my build.");

            // A different valid model file: the toxicity model written over the spam model's file.
            var temporary = Path.Combine(modelDir, "spam.zip.new");
            File.Copy(Path.Combine(RepoPaths.Models, "toxicity.zip"), temporary);
            var reloaded = service.WaitForLineAsync(l => l.Contains("Scoring models") && l.Contains("loaded") && !l.Contains(before!), TimeSpan.FromSeconds(30));
            File.Move(temporary, Path.Combine(modelDir, "spam.zip"), overwrite: true);
            await reloaded;

            var after = await PostAndReadVersion(service, store.GetDatabase(), "A second, equally ordinary comment about the build.");
            Assert.NotNull(before);
            Assert.NotEqual(before, after);
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_model_files_the_service_starts_reports_degraded_and_holds_every_comment()
    {
        var modelDir = Directory.CreateTempSubdirectory("comments-nomodels-").FullName;
        var dataDir = Directory.CreateTempSubdirectory("comments-life-").FullName;
        try
        {
            var (service, store, _) = await ModelFolderService.StartAsync(modelDir, dataDir);
            await using var _ = service;
            using var __ = store;
            using var client = service.CreateClient();

            using var ready = await client.GetAsync("/health/ready", Ct);
            var health = await ready.JsonAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("model").GetProperty("status").GetString());

            using var response = await client.PostAsync(TestSites.Model, TestSites.NewThread("nomodel"), TestApi.Reply("A perfectly friendly comment."));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = (await response.JsonAsync()).GetProperty("id").GetString();
            var stored = (string)(await store.GetDatabase().StringGetAsync($"c:{{{TestSites.Model}}}:comment:{id}"))!;
            Assert.Contains("\"status\":\"Pending\"", stored);
            Assert.Contains("model.unavailable", stored);
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
