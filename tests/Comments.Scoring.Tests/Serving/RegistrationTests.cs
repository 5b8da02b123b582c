using Comments.Core.Scoring;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Scoring.Tests.Serving;

public class RegistrationTests
{
    private static ServiceProvider Build(string contentRoot, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value))
            .Build();
        return new ServiceCollection().AddLogging().AddCommentScoring(configuration, contentRoot).BuildServiceProvider();
    }

    [Fact]
    public void The_default_models_folder_is_found_from_the_repository_root()
    {
        using var services = Build(RepoPaths.Root);
        var scorer = services.GetRequiredService<ICommentScorer>();
        Assert.True(scorer.Health.Ready, scorer.Health.Description);
        Assert.Same(scorer, services.GetRequiredService<ICommentScorer>());
    }

    [Fact]
    public void The_default_models_folder_is_found_from_the_api_project_folder_too()
    {
        using var services = Build(Path.Combine(RepoPaths.Root, "src", "Comments.Api"));
        Assert.Equal(RepoPaths.Models, services.GetRequiredService<ModelDirectory>().Path);
    }

    [Fact]
    public void An_absolute_model_directory_from_configuration_is_used_as_is()
    {
        var empty = Directory.CreateTempSubdirectory("comments-nomodels-").FullName;
        try
        {
            using var services = Build(RepoPaths.Root, ("Scoring:ModelDirectory", empty), ("Scoring:WatchModelFiles", "false"));
            var scorer = services.GetRequiredService<ICommentScorer>();
            Assert.False(scorer.Health.Ready);
            Assert.Null(scorer.Score("hello").Spam);
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    [Fact]
    public void A_published_service_started_from_another_folder_finds_the_models_next_to_its_dll()
    {
        // dotnet publish puts models/ next to the dll; the working directory (the content root)
        // can be anywhere, here a folder with no models/ above it.
        var name = "published-models-" + Guid.NewGuid().ToString("N");
        var beside = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, name)).FullName;
        var elsewhere = Directory.CreateTempSubdirectory("comments-cwd-").FullName;
        try
        {
            Assert.Equal(beside, ModelDirectory.Resolve(name, elsewhere).Path);
        }
        finally
        {
            Directory.Delete(beside);
            Directory.Delete(elsewhere);
        }
    }
}
