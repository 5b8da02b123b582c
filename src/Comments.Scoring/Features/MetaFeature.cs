using Comments.Core.Text;

namespace Comments.Scoring.Features;

/// <summary>
/// Signals that are not words: links, shouting, runs of exclamation marks. Stored in
/// <see cref="FeatureBuffer.FirstToken"/> as negative codes; <see cref="Describe"/> names them for a moderator.
/// </summary>
public enum MetaFeature
{
    OneLink = -2,
    TwoLinks = -3,
    ManyLinks = -4,
    Shouting = -5,
    Exclamations = -6,
    PhoneNumber = -7,
}

public static class MetaFeatures
{
    public static bool IsMeta(int owner) => owner <= (int)MetaFeature.OneLink;

    public static string Describe(MetaFeature feature) => feature switch
    {
        MetaFeature.OneLink => "[link]",
        MetaFeature.TwoLinks => "[2 links]",
        MetaFeature.ManyLinks => "[3+ links]",
        MetaFeature.Shouting => "[ALL CAPS]",
        MetaFeature.Exclamations => "[!!!]",
        MetaFeature.PhoneNumber => "[phone number]",
        _ => "[?]",
    };

    /// <summary>Writes the meta signals of a normalised (not folded) text into <paramref name="found"/>; returns how many.</summary>
    public static int Detect(string text, Span<MetaFeature> found)
    {
        var count = 0;
        var links = Links.Count(text);
        if (links == 1) found[count++] = MetaFeature.OneLink;
        else if (links == 2) found[count++] = MetaFeature.TwoLinks;
        else if (links > 2) found[count++] = MetaFeature.ManyLinks;

        int letters = 0, upper = 0, bangs = 0;
        foreach (var c in text)
        {
            if (c == '!') bangs++;
            else if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        }
        if (letters >= 8 && upper * 10 >= letters * 6) found[count++] = MetaFeature.Shouting;
        if (bangs >= 3) found[count++] = MetaFeature.Exclamations;
        if (PhoneNumbers.Contains(text)) found[count++] = MetaFeature.PhoneNumber;
        return count;
    }

    public const int MaxPerText = 4;
}
