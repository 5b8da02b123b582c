using Comments.Training.Data;

namespace Comments.Training.Tests;

public sealed class TemplateReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-templates-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_directory, "small.templates");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static readonly string[] Small =
    [
        "# a comment",
        "source: small-templates",
        "split: train",
        "seed: 3",
        "rows-per-label: 5",
        "[adj]", "muslim", "elderly", "deaf",
        "[body]", "knee",
        "[0]", "a {adj} neighbour helped us", "my {body} is fine",
        "[1]", "you stupid {adj} idiot", "shut up, {adj} scum",
    ];

    [Fact]
    public void A_template_file_expands_to_the_same_distinct_rows_every_time_with_each_label_from_its_own_frames()
    {
        var path = Write(Small);

        var first = LabelledFile.Read(path);
        var second = LabelledFile.Read(path);

        Assert.Equal(first, second);
        Assert.Equal(4, first.Count(r => !r.Label)); // 3 identity + 1 body texts exist: no duplicates to reach 5
        Assert.Equal(5, first.Count(r => r.Label));
        Assert.Equal(first.Count, first.Select(r => r.Text).Distinct().Count());
        Assert.All(first, r => Assert.DoesNotContain("{", r.Text));
        Assert.All(first, r => Assert.Equal(("small-templates", "train", 1f), (r.Source, r.Split, r.Weight)));
        Assert.All(first.Where(r => r.Label), r => Assert.True(r.Text.Contains("idiot") || r.Text.Contains("scum"), r.Text));
        Assert.Contains(first, r => r.Text == "an elderly neighbour helped us" && !r.Label && r.Group == "identity");
        Assert.Contains(first, r => r.Text == "my knee is fine" && !r.Label && r.Group == "body");
    }

    [Fact]
    public void A_frame_with_a_slot_that_has_no_terms_is_rejected_with_the_file_and_the_frame()
    {
        var path = Write([.. Small, "{religion} people are welcome"]);

        var error = Assert.Throws<MalformedDataException>(() => LabelledFile.Read(path));

        Assert.Contains("small.templates", error.Message);
        Assert.Contains("{religion}", error.Message);
    }

    [Fact]
    public void The_identity_evaluation_set_shares_no_frame_and_no_sentence_with_the_training_templates()
    {
        var train = Path.Combine(RepoPaths.Models, "identity", "train.templates");
        var eval = Path.Combine(RepoPaths.Models, "identity", "eval.templates");

        Assert.Empty(Frames(train).Intersect(Frames(eval)));
        var trainRows = LabelledFile.Read(train);
        var evalRows = LabelledFile.Read(eval);
        Assert.Empty(trainRows.Select(r => r.Text).Intersect(evalRows.Select(r => r.Text)));
        Assert.All(trainRows, r => Assert.Equal("train", r.Split));
        Assert.All(evalRows, r => Assert.Equal("test", r.Split));
        Assert.Equal(trainRows.Count(r => r.Label), trainRows.Count(r => !r.Label));
    }

    /// <summary>The frame lines of a template file: the lines of its [0] and [1] sections.</summary>
    private static HashSet<string> Frames(string path)
    {
        var frames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inFrames = false;
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('[')) inFrames = line is "[0]" or "[1]";
            else if (inFrames) frames.Add(line);
        }
        return frames;
    }
}
