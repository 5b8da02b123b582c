using System.Diagnostics;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Bench.Http;

/// <summary>
/// Where a POST's CPU goes outside the store: the in-process steps of the pipeline timed one by
/// one on the benchmark's comment, in the same run (`-- costs`).
/// </summary>
public static class PipelineCosts
{
    public static void Run(string modelDirectory)
    {
        const string text = "I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it (costs 1).";
        const string markdown = "I read the whole article and *mostly* agree, though the part about the budget seemed rushed to me. Thanks for writing it (costs 1).";
        var renderer = new CommentRenderer();
        var scorer = new CommentScorer(Options.Create(new ScoringOptions { ModelDirectory = modelDirectory, WatchModelFiles = false }),
            NullLogger<CommentScorer>.Instance, ModelDirectory.Resolve(modelDirectory, Directory.GetCurrentDirectory()));
        var submission = new CommentSubmission { Site = "s", ThreadId = "t", Text = text, AuthorName = "Bench Reader", AuthorEmail = "reader@example.com", Ip = "127.0.0.1" };

        Console.WriteLine($"{"step",-44} {"µs per comment",15}");
        Time("validate (FluentValidation)", () => CommentSubmissionValidator.RequiringIdentity.Validate(submission));
        Time("normalise", () => TextNormalizer.Normalize(text));
        Time("render, plain prose (shortcut)", () => renderer.Render(text));
        Time("render, Markdown (Markdig + HtmlSanitizer)", () => renderer.Render(markdown));
        Time("score (both models)", () => scorer.Score(TextNormalizer.Normalize(text)));
    }

    private static void Time(string step, Action action)
    {
        for (var i = 0; i < 2_000; i++) action();
        const int n = 20_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) action();
        Console.WriteLine($"{step,-44} {clock.Elapsed.TotalMicroseconds / n,15:0.0}");
    }
}
