using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Comments.Training.Evaluation;

namespace Comments.Training.Cli;

/// <summary>How `evaluate` shows metrics: aligned text for people, one JSON object for scripts.</summary>
public static class MetricsReport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public static string ToJson(BinaryMetrics metrics) => JsonSerializer.Serialize(Rounded(metrics), Json);

    /// <summary>The metrics of one file with where its rows went (evaluate --decisions).</summary>
    public static string ToJson(BinaryMetrics metrics, string file, DecisionReport decisions)
    {
        var node = JsonSerializer.SerializeToNode(Rounded(metrics), Json)!.AsObject();
        node.Insert(0, "file", file);
        node["decisions"] = JsonSerializer.SerializeToNode(new
        {
            newAuthor = Shares(decisions.NewAuthor),
            trustedAuthor = Shares(decisions.TrustedAuthor),
        }, Json);
        // Which rules hold them: beside "decisions", whose shape is fixed (issue 12).
        node["heldBy"] = JsonSerializer.SerializeToNode(new
        {
            newAuthor = new { negative = decisions.NewAuthor.Negative.HeldBy, positive = decisions.NewAuthor.Positive.HeldBy },
            trustedAuthor = new { negative = decisions.TrustedAuthor.Negative.HeldBy, positive = decisions.TrustedAuthor.Positive.HeldBy },
        }, Json);
        return node.ToJsonString(Json);
    }

    private static object Shares(AuthorDecisions a) => new
    {
        negative = new { a.Negative.Published, a.Negative.Pending, a.Negative.Spam },
        positive = new { a.Positive.Published, a.Positive.Pending, a.Positive.Spam },
    };

    public static string ToText(BinaryMetrics metrics, string file, DecisionReport d) => string.Join(Environment.NewLine,
        file,
        ToText(metrics),
        $"{"decisions",-26}{"published",10}{"pending",10}{"spam",10}",
        Row("new author, label 0", d.NewAuthor.Negative),
        Row("new author, label 1", d.NewAuthor.Positive),
        Row("trusted author, label 0", d.TrustedAuthor.Negative),
        Row("trusted author, label 1", d.TrustedAuthor.Positive),
        HeldBy("new author, label 0 held by", d.NewAuthor.Negative),
        HeldBy("new author, label 1 held by", d.NewAuthor.Positive),
        "");

    private static string HeldBy(string name, DecisionShares s) =>
        $"{name,-26} " + string.Join(", ", s.HeldBy.Select(p => $"{p.Key} {p.Value:P1}"));

    private static string Row(string name, DecisionShares s) => s.Rows == 0
        ? $"{name,-26}{"(no rows)",10}"
        : $"{name,-26}{s.Published,10:P1}{s.Pending,10:P1}{s.Spam,10:P1}";

    public static string ToText(BinaryMetrics m) => string.Join(Environment.NewLine,
        Line("rows", m.Rows.ToString(CultureInfo.InvariantCulture) + $" ({m.Positives} positive)"),
        Line("ROC AUC", F(m.RocAuc)),
        Line("PR AUC", F(m.PrAuc)),
        Line($"F1 @ {F(m.Threshold)}", F(m.F1)),
        Line($"precision @ {F(m.Threshold)}", F(m.Precision)),
        Line($"recall @ {F(m.Threshold)}", F(m.Recall)),
        Line($"false positives @ {F(m.Threshold)}", F(m.FalsePositiveRate)),
        Line("best F1", $"{F(m.BestF1)} (threshold {F(m.BestF1Threshold)})"),
        Line("precision @ 90% recall", F(m.PrecisionAt90Recall)),
        Line("mean score label 0 / 1", $"{F(m.MeanNegativeScore)} / {F(m.MeanPositiveScore)}"));

    public static BinaryMetrics Rounded(BinaryMetrics m) => m with
    {
        RocAuc = R(m.RocAuc), PrAuc = R(m.PrAuc), F1 = R(m.F1), Precision = R(m.Precision), Recall = R(m.Recall),
        BestF1 = R(m.BestF1), BestF1Threshold = R(m.BestF1Threshold), PrecisionAt90Recall = R(m.PrecisionAt90Recall), Threshold = R(m.Threshold),
        FalsePositiveRate = R(m.FalsePositiveRate), MeanNegativeScore = R(m.MeanNegativeScore), MeanPositiveScore = R(m.MeanPositiveScore),
    };

    private static double R(double value) => Math.Round(value, 4);
    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string Line(string name, string value) => $"{name,-26}{value}";
}
