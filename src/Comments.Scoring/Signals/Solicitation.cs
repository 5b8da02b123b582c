using System.Buffers;
using System.Text.RegularExpressions;
using Comments.Core.Text;
using Comments.Scoring.Features;

namespace Comments.Scoring.Signals;

/// <summary>
/// The shape of a sales pitch, the link-less blog spam that neither model learned (tech-support and
/// airline "numbers", replica and pharma shops, essay mills, loan and crypto-recovery offers, spell
/// casters): a way to reach the seller together with something sold or promised. Each part alone is
/// ordinary talk ("call us crazy", "50% off at the bakery", "my student loan"); two different kinds of
/// it in one comment rarely are. Reads the folded words of the featurizer and the text (for the phone
/// number, the e-mail address, "$450 a day" and "% off").
/// </summary>
public static partial class Solicitation
{
    private enum Kind { Contact, Offer, Money, Testimonial }

    private static readonly (Kind Kind, string Phrase)[] Cues =
    [
        .. Phrases(Kind.Contact,
            "whatsapp", "telegram", "wechat", "viber", "skype", "contact us", "contact him", "contact her", "contact them",
            "contact me", "contact our", "contact via", "contact today", "call us", "call now", "call today", "call our",
            "text us", "text now", "email us", "email him", "email her", "dm me", "dm us", "inbox me", "message us", "message him",
            "reach him", "reach her", "reach us", "toll free", "tollfree", "hotline", "helpline", "support number"),
        .. Phrases(Kind.Offer,
            "order now", "order today", "order yours", "order online", "buy now", "buy online", "buy cheap", "shop now", "discount",
            "discounts", "discounted", "coupon", "coupons", "promo code", "free shipping", "free delivery", "wholesale",
            "lowest price", "lowest prices", "best price", "best prices", "affordable price", "affordable prices",
            "affordable rates", "free trial", "money back", "no prescription", "without prescription", "without a prescription",
            "no credit check", "same day approval", "limited time", "special offer", "our services", "our products",
            "our company", "our experts", "our writers", "our agency", "our store", "our shop", "we offer", "we provide",
            "we sell", "we deliver", "we guarantee", "we specialize", "we specialise", "hire our", "apply now", "apply today",
            "register now", "sign up free", "click here", "click the link", "visit our", "24 7", "guaranteed"),
        .. Phrases(Kind.Money,
            "make money", "earn money", "passive income", "extra income", "work from home", "financial freedom", "bitcoin", "btc",
            "crypto", "cryptocurrency", "forex", "binary options", "trading signals", "investment platform", "investment expert",
            "account manager", "recovery expert", "recover my", "recover your", "recovered my", "funds recovery", "loan offer",
            "instant loan", "personal loans", "payday", "casino", "free spins", "betting tips", "jackpot"),
        .. Phrases(Kind.Testimonial,
            "love spell", "spell caster", "bring back my", "brought back my", "thanks to dr", "thank dr", "thanks dr", "herbal medicine",
            "cured my", "ethical hacker", "private investigator", "he helped me", "she helped me", "highly recommend him",
            "highly recommend her"),
    ];

    private static IEnumerable<(Kind, string)> Phrases(Kind kind, params string[] phrases) => phrases.Select(p => (kind, p));

    /// <summary>Phrases by their first word, each as its words.</summary>
    private static readonly Dictionary<string, (Kind Kind, string Phrase, string[] Words)[]> ByFirstWord = Cues
        .Select(c => (c.Kind, c.Phrase, Words: c.Phrase.Split(' ')))
        .GroupBy(c => c.Words[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    private static readonly Dictionary<string, (Kind Kind, string Phrase, string[] Words)[]>.AlternateLookup<ReadOnlySpan<char>> ByFirstWordL =
        ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"\$\s?\d[\d,.]*k?\s?(?:a|an|per|/|every)\s?(?:day|week|month|hour|year)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPerTime();

    [GeneratedRegex(@"\d+\s?%\s?off\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentOff();

    /// <summary>
    /// What makes the comment a pitch (<c>contact "whatsapp", offer "50% off"</c>), or null. A pitch has
    /// parts of two kinds (a way to reach the seller, an offer, a promise of money, a testimonial for a
    /// helper), or two different offers or promises of money, or a phone number with an invitation to call it.
    /// </summary>
    public static string? Find(string text, TokenList tokens)
    {
        List<(Kind Kind, string Cue)>? found = null;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!ByFirstWordL.TryGetValue(tokens.Folded(t), out var phrases)) continue;
            foreach (var (kind, phrase, words) in phrases)
                if (Matches(tokens, t, words)) Add(ref found, kind, phrase);
        }
        // The text's own shapes, each looked for only when its mark is there. One cue of each: a signature's
        // three e-mail addresses are one way to reach someone.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && PhoneNumbers.Contains(text)) Add(ref found, Kind.Contact, Phone);
        if (text.Contains('@') && EmailAddress(text) is { } email) Add(ref found, Kind.Contact, email);
        if (text.Contains('%') && PercentOff().Match(text) is { Success: true } off) Add(ref found, Kind.Offer, off.Value);
        if (text.Contains('$') && MoneyPerTime().Match(text) is { Success: true } pay) Add(ref found, Kind.Money, pay.Value);
        if (found is null) return null;
        var pitch = found.Select(f => f.Kind).Distinct().Count() >= 2
            || found.Count(f => f.Kind == Kind.Offer) >= 2 || found.Count(f => f.Kind == Kind.Money) >= 2
            || (found.Contains((Kind.Contact, Phone)) && found.Any(f => f.Kind == Kind.Contact && f.Cue != Phone && !f.Cue.Contains('@')));
        return pitch ? string.Join(", ", found.Select(f => $"{f.Kind.ToString().ToLowerInvariant()} \"{f.Cue}\"")) : null;
    }

    private const string Phone = "a phone number";

    /// <summary>Words for a lower price: one offer however many of them a comment uses ("20% off and a further discount").</summary>
    private static readonly HashSet<string> PriceCuts = new(StringComparer.Ordinal)
    {
        "discount", "discounts", "discounted", "coupon", "coupons", "promo code", "lowest price", "lowest prices", "best price",
        "best prices", "affordable price", "affordable prices", "affordable rates",
    };

    /// <summary>Adds a cue unless one of its kind says the same ("discount", "discounts"; "50% off", "coupon").</summary>
    private static void Add(ref List<(Kind Kind, string Cue)>? found, Kind kind, string cue)
    {
        found ??= [];
        var priceCut = IsPriceCut(cue);
        var stem = cue.AsSpan(0, Math.Min(cue.Length, 6));
        foreach (var (k, c) in found)
            if (k == kind && (c.AsSpan().StartsWith(stem, StringComparison.OrdinalIgnoreCase) || (priceCut && IsPriceCut(c)))) return;
        found.Add((kind, cue));
    }

    private static bool IsPriceCut(string cue) => PriceCuts.Contains(cue) || cue.Contains('%');

    private static bool Matches(TokenList tokens, int t, string[] words)
    {
        if (t + words.Length > tokens.Count) return false;
        for (var w = 1; w < words.Length; w++) if (!tokens.Folded(t + w).SequenceEqual(words[w])) return false;
        return true;
    }

    /// <summary>The first e-mail address in the text ("name@host.tld"), or null: "@user" mentions are not addresses.</summary>
    private static string? EmailAddress(string text)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsAddressChar(text[start - 1])) start--;
            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
            {
                if (text[end] == '.') lastDot = end;
                end++;
            }
            while (end > at + 1 && text[end - 1] == '.') end--;
            if (start == at || lastDot <= at + 1 || lastDot >= end) continue;
            var tld = end - lastDot - 1;
            if (tld >= 2 && !text.AsSpan(lastDot + 1, tld).ContainsAnyExcept(AsciiLetters)) return text[start..end];
        }
        return null;
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-';
}
