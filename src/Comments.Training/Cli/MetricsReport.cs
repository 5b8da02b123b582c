using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static string ToText(BinaryMetrics m) => string.Join(Environment.NewLine,
        Line("rows", m.Rows.ToString(CultureInfo.InvariantCulture) + $" ({m.Positives} positive)"),
        Line("ROC AUC", F(m.RocAuc)),
        Line("PR AUC", F(m.PrAuc)),
        Line($"F1 @ {F(m.Threshold)}", F(m.F1)),
        Line($"precision @ {F(m.Threshold)}", F(m.Precision)),
        Line($"recall @ {F(m.Threshold)}", F(m.Recall)),
        Line($"false positives @ {F(m.Threshold)}", F(m.FalsePositiveRate)),
        Line("best F1", $"{F(m.BestF1)} (threshold {F(m.BestF1Threshold)})"),
        Line("precision @ 90% recall", F(m.PrecisionAt90Recall)));

    public static BinaryMetrics Rounded(BinaryMetrics m) => m with
    {
        RocAuc = R(m.RocAuc), PrAuc = R(m.PrAuc), F1 = R(m.F1), Precision = R(m.Precision), Recall = R(m.Recall),
        BestF1 = R(m.BestF1), BestF1Threshold = R(m.BestF1Threshold), PrecisionAt90Recall = R(m.PrecisionAt90Recall), Threshold = R(m.Threshold),
        FalsePositiveRate = R(m.FalsePositiveRate),
    };

    private static double R(double value) => Math.Round(value, 4);
    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string Line(string name, string value) => $"{name,-26}{value}";
}
