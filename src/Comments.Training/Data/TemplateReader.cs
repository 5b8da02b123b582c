using System.Text.RegularExpressions;

namespace Comments.Training.Data;

/// <summary>
/// Expands a hand-written template file (<c>*.templates</c>, e.g. models/identity/train.templates)
/// into labelled rows, deterministically. The file has a header (<c>source:</c>, <c>split:</c>,
/// <c>seed:</c>, <c>rows-per-label:</c>), slot lists (<c>[adj]</c>, <c>[body]</c>, … one term a
/// line) and two frame lists, <c>[0]</c> and <c>[1]</c>, whose <c>{slot}</c>s are filled with
/// terms drawn by a seeded <see cref="Random"/>. Each label gets at most rows-per-label distinct
/// texts (fewer when the frames and terms cannot make that many). A row's group is "body" when
/// its frame names a body or sexual-health slot, otherwise "identity". Lines starting with # are
/// comments.
/// </summary>
internal static partial class TemplateReader
{
    private static readonly string[] BodySlots = ["body", "health"];

    public static IEnumerable<LabelledRow> Read(string path)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = [];
                continue;
            }
            if (current is null)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) throw new MalformedDataException(path, lineNumber, "expected 'name: value' before the first [section]");
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                continue;
            }
            current.Add(line);
        }

        var source = header.GetValueOrDefault("source") is { Length: > 0 } s ? s : Path.GetFileNameWithoutExtension(path);
        var split = header.GetValueOrDefault("split") ?? string.Empty;
        var seed = int.TryParse(header.GetValueOrDefault("seed"), out var parsedSeed) ? parsedSeed : throw new MalformedDataException(path, 0, "header 'seed:' must be an integer");
        var perLabel = int.TryParse(header.GetValueOrDefault("rows-per-label"), out var n) && n > 0 ? n : throw new MalformedDataException(path, 0, "header 'rows-per-label:' must be a positive integer");

        var random = new Random(seed);
        foreach (var label in new[] { "0", "1" })
        {
            if (!sections.TryGetValue(label, out var frames) || frames.Count == 0)
                throw new MalformedDataException(path, 0, $"section [{label}] has no frames");
            foreach (var frame in frames)
                foreach (Match slot in Slot().Matches(frame))
                    if (!sections.TryGetValue(slot.Groups[1].Value, out var terms) || terms.Count == 0)
                        throw new MalformedDataException(path, 0, $"frame '{frame}' uses {{{slot.Groups[1].Value}}}, which has no [section] of terms");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; seen.Count < perLabel && attempt < perLabel * 20; attempt++)
            {
                var frame = frames[random.Next(frames.Count)];
                var text = Articles(Slot().Replace(frame, m => { var terms = sections[m.Groups[1].Value]; return terms[random.Next(terms.Count)]; }));
                if (!seen.Add(text)) continue;
                var group = BodySlots.Any(b => frame.Contains('{' + b + '}', StringComparison.OrdinalIgnoreCase)) ? "body" : "identity";
                yield return new LabelledRow(text, label == "1", split, source, group, 1f);
            }
        }
    }

    /// <summary>"a" before a vowel-initial word becomes "an" ("an elderly", "an immigrant").</summary>
    private static string Articles(string text) => Article().Replace(text, m => m.Groups[1].Value + "n ");

    [GeneratedRegex(@"\{([a-z0-9_-]+)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Slot();

    [GeneratedRegex(@"(?<=^|\s)([aA]) (?=[aeiouAEIOU])")]
    private static partial Regex Article();
}
