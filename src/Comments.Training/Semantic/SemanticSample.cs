using System.Security.Cryptography;
using System.Text;
using Comments.Training.Data;

namespace Comments.Training.Semantic;

/// <summary>
/// The rows the semantic stage is trained and measured on: embedding every row costs too much
/// CPU here, so at most N rows of each (source, split, label), chosen by the SHA-1 of the text
/// (stable across runs, independent of file order). Sampling within a label keeps every
/// per-label share (the decision tables) an unbiased estimate; <see cref="Weight"/> restores
/// each label's share of its source for training.
/// </summary>
public sealed class SemanticSample
{
    private readonly Dictionary<(string, string, bool), (int All, int Kept)> _counts = [];
    private readonly HashSet<LabelledRow> _kept = new(ReferenceEqualityComparer.Instance);

    public SemanticSample(IEnumerable<LabelledRow> rows, int perLabel)
    {
        foreach (var group in rows.GroupBy(r => (r.Source, r.Split, r.Label)))
        {
            var ordered = group.OrderBy(r => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(r.Text))), StringComparer.Ordinal).ToList();
            var kept = ordered.Take(perLabel).ToList();
            foreach (var row in kept) _kept.Add(row);
            _counts[group.Key] = (ordered.Count, kept.Count);
        }
    }

    public bool Keeps(LabelledRow row) => _kept.Contains(row);

    /// <summary>How many rows of its (source, split, label) one kept row stands for.</summary>
    public float Weight(LabelledRow row) =>
        _counts.TryGetValue((row.Source, row.Split, row.Label), out var c) && c.Kept > 0 ? (float)c.All / c.Kept : 1f;
}
