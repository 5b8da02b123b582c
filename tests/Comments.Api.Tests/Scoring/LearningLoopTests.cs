using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using StackExchange.Redis;

namespace Comments.Api.Tests.Scoring;

/// <summary>
/// The whole learning loop against a running service: moderators mark a kind of spam the shipped
/// model lets through, the admin CLI exports their decisions, the training CLI retrains with them
/// next to the corpora, the gate promotes the new file, and the service, without a restart,
/// holds the next comment of that kind.
/// </summary>
public sealed class LearningLoopTests
{
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(5);

    // Not "Thanks for sharing.": since the SmokeDetector spam titles the shipped model knows that opener.
    private static readonly string[] Openers = ["Great read.", "Nice post!", "Agreed.", "So true.", "Lovely photos."];
    private static readonly string[] Products = ["sourdough", "rye loaves", "cinnamon buns", "bagels"];
    private static readonly string[] Offers = ["weekend bundle at the market stall", "delivered warm to your door", "ask for the weekend bundle", "half price on Saturdays"];

    private static string BakerySpam(int i) =>
        $"{Openers[i % Openers.Length]} Crumb and Co {Products[i / Openers.Length % Products.Length]}, {Offers[i % Offers.Length]} {i}";

    [Fact]
    public async Task Spam_the_model_missed_is_caught_after_moderators_label_it_and_the_retrained_model_is_promoted()
    {
        var youtube = RepoPaths.CorpusOrSkip("spam/youtube-spam-collection.jsonl");
        var sms = RepoPaths.CorpusOrSkip("spam/sms-spam-collection.jsonl");
        var modelDir = Directory.CreateTempSubdirectory("comments-loop-models-").FullName;
        var dataDir = Directory.CreateTempSubdirectory("comments-loop-data-").FullName;
        var work = Directory.CreateTempSubdirectory("comments-loop-work-").FullName;
        try
        {
            ModelFolderService.CopyShippedModels(modelDir);
            var (started, store, storeAddress) = await ModelFolderService.StartAsync(modelDir, dataDir);
            await using var service = started;
            using var _ = store;
            using var reader = service.CreateClient();
            using var moderator = service.CreateClient();
            moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.AdminKey);
            var thread = TestSites.NewThread("loop");

            // The shipped model publishes this kind of promotion; moderators send 40 of them to spam
            // and reject 10 ordinary comments as off-topic (labels of both kinds).
            for (var i = 0; i < 40; i++)
            {
                var spam = (await reader.PublishAsync(TestSites.Model, thread, TestApi.Reply(BakerySpam(i)))).GetProperty("id").GetString()!;
                await moderator.ActOkAsync(TestSites.Model, spam, "spam");
            }
            for (var i = 0; i < 10; i++)
            {
                var offTopic = (await reader.PublishAsync(TestSites.Model, thread, TestApi.Reply($"Unrelated, but has anyone seen the match on Tuesday? {i}"))).GetProperty("id").GetString()!;
                await moderator.ActOkAsync(TestSites.Model, offTopic, "reject", "off-topic");
            }
            var unseen = "Thanks for this. Crumb and Co croissants, weekend bundle delivered to your door.";
            Assert.Equal("Published", await StatusOfNewCommentAsync(reader, store, thread, unseen + " (before)"));

            var labels = Path.Combine(work, "labels.jsonl");
            var export = await AdminCli.RunAsync("export-labels", "--redis", storeAddress, "--site", TestSites.Model, "--task", "spam", "--out", labels);
            Assert.True(export.ExitCode == 0, export.Error);
            Assert.Equal(50, File.ReadLines(labels).Count());

            var training = RepoPaths.BuiltDll("Comments.Training", "Comments.Training.dll");
            var train = await Cli.RunAsync(training, Training, "train", "--kind", "spam", "--data", youtube, sms, labels,
                "--weight", "sms-spam-collection=0.5", "--l2", "0.1", "--l1", "0", "--nb-alpha", "0.5", "--nb-beta", "0.75", "--out", work);
            Assert.True(train.ExitCode == 0, train.Error + train.Output);

            // The gate: no worse on the corpora's test rows and the moderators' own test rows; the
            // file is swapped atomically and the service reloads it.
            var served = File.ReadAllBytes(Path.Combine(modelDir, "spam.zip"));
            var reloaded = service.WaitForLineAsync(l => l.Contains("Scoring models", StringComparison.Ordinal) && l.Contains("loaded", StringComparison.Ordinal)
                && !l.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served))[..12], StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var promote = await Cli.RunAsync(training, Training, "promote", "--kind", "spam", "--candidate", Path.Combine(work, "spam.zip"),
                "--model", Path.Combine(modelDir, "spam.zip"), "--data", youtube, sms, labels);
            Assert.True(promote.ExitCode == 0, promote.Output + promote.Error);
            await reloaded;

            Assert.NotEqual("Published", await StatusOfNewCommentAsync(reader, store, thread, unseen));
            Assert.Equal("Published", await StatusOfNewCommentAsync(reader, store, thread, "I think the article underestimates how long the tram works will take."));
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string?> StatusOfNewCommentAsync(HttpClient reader, ConnectionMultiplexer store, string thread, string text)
    {
        using var response = await reader.PostAsync(TestSites.Model, thread, TestApi.Reply(text, email: $"new-{Guid.NewGuid():N}@example.com"));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{(int)response.StatusCode}");
        var id = (await response.JsonAsync()).GetProperty("id").GetString();
        var json = (string)(await store.GetDatabase().StringGetAsync($"c:{{{TestSites.Model}}}:comment:{id}"))!;
        return JsonDocument.Parse(json).RootElement.GetProperty("status").GetString();
    }
}
