using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Scoring;

/// <summary>
/// A service on an embedded store of its own that scores with the model files of a folder the test
/// owns (so it can swap, break or delete them), reloading 100 ms after a file changes.
/// </summary>
public static class ModelFolderService
{
    /// <summary>Copies the shipped spam.zip and toxicity.zip into <paramref name="modelDir"/>.</summary>
    public static void CopyShippedModels(string modelDir)
    {
        foreach (var file in new[] { "spam.zip", "toxicity.zip" })
            File.Copy(Path.Combine(RepoPaths.Models, file), Path.Combine(modelDir, file));
    }

    /// <returns>The service, a connection to its store, and the store's address (for the admin CLI).</returns>
    public static async Task<(ServiceProcess Service, ConnectionMultiplexer Store, string StoreAddress)> StartAsync(string modelDir, string dataDir)
    {
        var storePort = FreePort.Next();
        var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, storePort))
        {
            ["Scoring__ModelDirectory"] = modelDir,
            ["Scoring__ReloadDelayMilliseconds"] = "100",
        };
        var service = await ServiceProcess.StartAsync(env);
        var address = $"127.0.0.1:{storePort}";
        return (service, await ConnectionMultiplexer.ConnectAsync(address), address);
    }
}
