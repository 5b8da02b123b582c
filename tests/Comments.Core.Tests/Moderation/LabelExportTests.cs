using Comments.Core.Moderation;

namespace Comments.Core.Tests.Moderation;

public sealed class LabelExportTests
{
    private static Label Decided(string decision, string? reason = null, string text = "some text") =>
        new("1", "t", text, decision, reason, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("approve", null, 0, 0)]
    [InlineData("spam", null, 1, null)]
    [InlineData("reject", "spam", 1, 0)]
    [InlineData("reject", "offensive", 0, 1)]
    [InlineData("reject", "abusive", 0, 1)]
    [InlineData("reject", "off-topic", 0, 0)]
    [InlineData("reject", "other", 0, 0)]
    public void Each_decision_maps_to_a_spam_and_a_toxicity_label(string decision, string? reason, int? spam, int? toxic)
    {
        Assert.Equal(spam, LabelExport.Target(Decided(decision, reason), LabelTask.Spam));
        Assert.Equal(toxic, LabelExport.Target(Decided(decision, reason), LabelTask.Toxicity));
    }

    [Fact]
    public void A_line_names_its_site_as_source_and_its_decision_as_group()
    {
        var line = Assert.Single(LabelExport.Lines("blog", [Decided("reject", "abusive", "go away")], LabelTask.Toxicity));

        Assert.Equal(new CorpusLine("go away", 1, "moderation-blog", LabelExport.Split("go away"), "reject:abusive"), line);
    }

    [Fact]
    public void The_split_puts_about_a_fifth_of_texts_in_test_and_is_stable()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => $"comment number {i}").ToList();
        var test = texts.Count(t => LabelExport.Split(t) == "test");

        Assert.InRange(test, 300, 500);
        // Stable across processes and machines (a per-process string hash would not be): these are
        // the values of the first byte of SHA-1 mod 5, computed outside .NET.
        int[] inTest = [4, 14, 17, 22, 26, 27, 31, 35, 36, 37];
        Assert.Equal(inTest, Enumerable.Range(0, 40).Where(i => LabelExport.Split($"comment number {i}") == "test"));
    }
}
