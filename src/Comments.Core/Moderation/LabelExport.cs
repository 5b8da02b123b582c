using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Moderation;

/// <summary>One line of a labelled corpus, in the shape of <c>../shared/data</c>.</summary>
public sealed record CorpusLine(string Text, int Label, string Source, string Split, string Group);

public enum LabelTask { Spam, Toxicity }

/// <summary>
/// Turns moderator decisions into corpus lines for one model. Spam: approved 0; marked spam or
/// rejected as spam 1; rejected for another reason 0 (wrong, but not spam). Toxicity: approved 0;
/// rejected as offensive or abusive 1; rejected as spam, off-topic or other 0; marked spam is left
/// out (nobody judged its tone). The split follows the corpora: <c>test</c> when
/// <c>sha1(text)[0] % 5 == 0</c>, so a comment lands on the same side every time.
/// </summary>
public static class LabelExport
{
    public static IEnumerable<CorpusLine> Lines(string site, IEnumerable<Label> labels, LabelTask task)
    {
        foreach (var label in labels)
        {
            if (Target(label, task) is not { } target) continue;
            var group = label.Reason is null ? label.Decision : $"{label.Decision}:{label.Reason}";
            yield return new CorpusLine(label.Text, target, $"moderation-{site}", Split(label.Text), group);
        }
    }

    public static int? Target(Label label, LabelTask task) => (task, label.Decision, label.Reason) switch
    {
        (_, "approve", _) => 0,
        (LabelTask.Spam, "spam", _) => 1,
        (LabelTask.Spam, "reject", RejectReasons.Spam) => 1,
        (LabelTask.Spam, "reject", _) => 0,
        (LabelTask.Toxicity, "reject", RejectReasons.Offensive or RejectReasons.Abusive) => 1,
        (LabelTask.Toxicity, "reject", _) => 0,
        _ => null,
    };

    public static string Split(string text) => SHA1.HashData(Encoding.UTF8.GetBytes(text))[0] % 5 == 0 ? "test" : "train";
}
