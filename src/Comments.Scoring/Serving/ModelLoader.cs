using Comments.Core.Scoring;
using Comments.Scoring.Model;

namespace Comments.Scoring.Serving;

/// <summary>
/// Loads both model files. A file that cannot be read leaves its model missing (first load)
/// or keeps the previous one (reload), and the health says which and why.
/// </summary>
internal static class ModelLoader
{
    public static LoadedModels Load(string spamPath, string toxicityPath, LoadedModels? previous)
    {
        var problems = new List<string>();
        var spam = LoadOne(spamPath, previous?.Spam, problems);
        var toxicity = LoadOne(toxicityPath, previous?.Toxicity, problems);
        var loaded = string.Join(", ", new[] { spam?.Version, toxicity?.Version }.OfType<string>());
        var description = problems.Count == 0 ? loaded : $"{string.Join("; ", problems)}{(loaded.Length > 0 ? $" (serving: {loaded})" : "")}";
        return new LoadedModels(spam, toxicity, new ScorerHealth(spam is not null && toxicity is not null, description));
    }

    private static LinearTextModel? LoadOne(string path, LinearTextModel? previous, List<string> problems)
    {
        try
        {
            if (!File.Exists(path)) throw new FileNotFoundException("not found");
            return ModelFile.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // The health answer is public: name the file, never where it lives on the server.
            var reason = e.Message.Replace(Path.GetFullPath(path), Path.GetFileName(path), StringComparison.Ordinal)
                .Replace(path, Path.GetFileName(path), StringComparison.Ordinal);
            problems.Add(previous is null ? $"cannot load {Path.GetFileName(path)}: {reason}" : $"kept {previous.Version}, reload failed: {reason}");
            return previous;
        }
    }
}
