using Comments.Core.Text;

namespace Comments.Bench.Scoring;

internal static class SampleComments
{
    public static readonly string Short = TextNormalizer.Normalize("Great article, but I think you're wrong about the parking fees.");

    // About 600 characters: a long but ordinary comment with a link.
    public static readonly string Long = TextNormalizer.Normalize(string.Join(' ', Enumerable.Repeat(
        "I have lived in this neighbourhood for twenty years and the council has never once asked residents what they think. " +
        "The survey linked at https://example.org/survey closes on Friday, so please fill it in before then.", 3)));

    public static string Of(string length) => length == "short" ? Short : Long;
}
