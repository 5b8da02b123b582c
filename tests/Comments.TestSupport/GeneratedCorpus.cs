using System.Text.Json;

namespace Comments.TestSupport;

/// <summary>A small labelled JSONL file made up on the spot: spam-like rows talk about free prizes and links.</summary>
public static class GeneratedCorpus
{
    private static readonly string[] Spammy = ["win a free prize now", "click http://cheap.example to claim cash", "subscribe to my channel for free gifts", "free money check out my site", "cheap pills buy now click here"];
    private static readonly string[] Ordinary = ["I disagree with the author on this point", "thanks for the thoughtful article", "the council meeting is on Tuesday", "my garden had a good year for tomatoes", "interesting take, though the data is old"];

    public static string Write(string directory, int rowsPerClass = 60)
    {
        var path = Path.Combine(directory, "generated.jsonl");
        var random = new Random(3);
        using var writer = new StreamWriter(path);
        for (var i = 0; i < rowsPerClass * 2; i++)
        {
            var spam = i % 2 == 0;
            var pool = spam ? Spammy : Ordinary;
            var text = $"{pool[random.Next(pool.Length)]} {pool[random.Next(pool.Length)]} #{i}";
            writer.WriteLine(JsonSerializer.Serialize(new { text, label = spam ? 1 : 0, split = i % 5 == 0 ? "test" : "train", source = "generated" }));
        }
        return path;
    }
}
