using Comments.Core.Text;

namespace Comments.Scoring.Policy;

/// <summary>Derogation of a group of people, and the stereotypes an author rejects rather than asserts.</summary>
public static partial class AbuseContext
{
    /// <summary>
    /// What a group is called when it is run down as a whole ("immigrants are criminals", "women are
    /// stupid", "Muslims are all terrorists", "… are ruining this country"): crimes, vices, madness and
    /// filth. Said of one person it is an insult, which the model reads; said of a group it is
    /// derogation, which the model often scores low when no rude word is in it.
    /// </summary>
    private static readonly HashSet<string> Traits = new(StringComparer.Ordinal)
    {
        "criminal", "criminals", "terrorist", "terrorists", "rapist", "rapists", "thieves", "thief", "murderers", "killers",
        "pedophiles", "paedophiles", "pedos", "perverts", "perverted", "degenerate", "degenerates", "deviant", "deviants",
        "stupid", "dumb", "idiots", "idiotic", "morons", "moronic", "retarded", "retards", "lazy", "dirty", "filthy",
        "smelly", "disgusting", "gross", "inferior", "evil", "violent", "primitive", "greedy", "worthless", "useless", "ill",
        "insane", "backward", "backwards", "barbaric", "uncivilized", "uncivilised", "dangerous", "threat",
        "burden", "disgrace", "menace", "abomination", "abominations", "unnatural", "liars", "thugs", "ugly", "whores",
        "sluts", "hoes", "freaks", "sick", "ruining", "destroying", "invading", "infesting", "polluting", "poisoning",
        "outbreeding", "untrustworthy", "savage", "savages", "subhuman", "subhumans", "vermin", "animals", "parasites",
        "scum", "trash", "garbage", "filth", "cancer", "plague", "disease", "diseased",
    };
    /// <summary>"… can't be trusted", "… don't belong here", "… shouldn't be allowed to vote" (after a negation).</summary>
    private static readonly HashSet<string> Exclusion = new(StringComparer.Ordinal) { "trusted", "belong", "allowed", "welcome", "human", "humans" };
    private static readonly HashSet<string> Negation = new(StringComparer.Ordinal) { "not", "never", "no", "t", "nt", "arent", "isnt", "dont", "cant", "cannot", "shouldnt", "mustnt", "hardly" };
    private static readonly HashSet<string> HateVerbs = new(StringComparer.Ordinal) { "hate", "hates", "despise", "despises", "loathe", "loathes", "detest", "detests" };
    /// <summary>
    /// Words before a group's name that put the author at a distance from what follows ("the myth that
    /// immigrants are criminals", "it's racist to say Muslims are terrorists", "not all men are …").
    /// </summary>
    private static readonly HashSet<string> Distancing = new(StringComparer.Ordinal)
    {
        "claim", "claims", "claiming", "claimed", "myth", "myths", "stereotype", "stereotypes", "stereotyping", "idea", "notion",
        "lie", "lies", "trope", "tropes", "narrative", "assumption", "assume", "assumes", "assuming", "generalize",
        "generalizing", "generalization", "generalise", "generalising", "generalisation", "say", "saying", "says", "said",
        "racist", "racism", "bigoted", "bigot", "bigots", "bigotry", "false", "wrong", "untrue", "nonsense", "hateful",
        "prejudice", "prejudiced", "not", "believing", "pretend", "pretending", "propaganda", "rhetoric",
    };
    private const int DistancingWindow = 6;
    private static readonly HashSet<string> Modal = new(StringComparer.Ordinal) { "should", "shouldn", "shouldnt", "must", "mustn", "mustnt", "ought" };
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "all", "the", "those", "these", "every", "most", "fucking", "fuckin", "damn", "damned", "bloody", "effing",
    };

    /// <summary>
    /// A group of people run down as a whole: called criminals, stupid, filthy or a threat ("immigrants
    /// are criminals", "Muslims are all terrorists"), shut out ("gays can't be trusted", "women shouldn't
    /// be allowed to vote") or hated ("I hate Muslims"). Not when the author says so to reject it ("the
    /// myth that immigrants are criminals", "not all men are …") or denies it ("Muslims are not terrorists").
    /// </summary>
    private static bool Derogatory(Words w)
    {
        if (!w.Any(WordClass.Traits | WordClass.Exclusion | WordClass.HateVerbs)) return false;
        for (var t = 0; t < w.Count; t++)
        {
            if (w.Is(t, WordClass.HateVerbs))
            {
                // "I hate Muslims", "I despise all immigrants"; not "I don't hate …", nor "I hate how women are treated".
                if (NegatedBefore(w, t) || Distanced(w, t)) continue;
                var g = t + 1;
                if (g < w.Count && w.Is(g, WordClass.Determiners)) g++;
                if (g < w.Count && NamesPeople(w, g)) return true;
                continue;
            }
            if (!NamesPeople(w, t) || Distanced(w, t)) continue;
            if (CalledATrait(w, t) || ShutOut(w, t)) return true;
        }
        return false;
    }

    /// <summary>"… are (all, just) criminals", "… is a threat": a copula, then a trait within three words, no negation between.</summary>
    private static bool CalledATrait(Words w, int group)
    {
        for (var k = group + 1; k < w.Count && k <= group + 2; k++)
        {
            if (!w.Is(k, WordClass.Copula) || w[k].SequenceEqual("arent")) continue;
            for (var n = k + 1; n < w.Count && n <= k + 3; n++)
            {
                if (w.Is(n, WordClass.Negation)) return false;
                if (w.Is(n, WordClass.Traits)) return IsTraitHere(w, n);
            }
            return false;
        }
        return false;
    }

    /// <summary>
    /// Not a trait where the words around make it something done to the group or a mood: "in danger", "under
    /// threat", "sick of", "sick and tired"; "ill" only as "mentally ill".
    /// </summary>
    private static bool IsTraitHere(Words w, int n)
    {
        var before = w[n - 1];
        if (before.SequenceEqual("under") || before.SequenceEqual("in") || before.SequenceEqual("at")) return false;
        var word = w[n];
        if (word.SequenceEqual("ill")) return before.SequenceEqual("mentally");
        if (word.SequenceEqual("sick") && n + 1 < w.Count && (w[n + 1].SequenceEqual("of") || w[n + 1].SequenceEqual("and")))
            return false;
        return true;
    }

    /// <summary>
    /// A stereotype the author denies or rejects ("Muslims are not terrorists", "not all men are …",
    /// "it's racist to say black people are lazy"): the group's name through the trait, read like quoted abuse.
    /// </summary>
    private static bool MarkRejectedStereotype(Words w, Span<bool> masked)
    {
        if (!w.Any(WordClass.Traits)) return false;
        var any = false;
        for (var t = 0; t < w.Count; t++)
        {
            if (!NamesPeople(w, t)) continue;
            var distanced = Distanced(w, t);
            for (var k = t + 1; k < w.Count && k <= t + 2; k++)
            {
                if (!w.Is(k, WordClass.Copula) && !w[k].SequenceEqual("aren")) continue;
                var negated = false;
                for (var n = k + 1; n < w.Count && n <= k + 3; n++)
                {
                    negated |= w.Is(n, WordClass.Negation);
                    if (!w.Is(n, WordClass.Traits)) continue;
                    // "not as dumb as their neighbours" says the neighbours are.
                    var compares = n + 1 < w.Count && (w[n + 1].SequenceEqual("as") || w[n + 1].SequenceEqual("than"));
                    if ((distanced || negated) && !compares)
                    {
                        masked[t..(n + 1)].Fill(true);
                        any = true;
                    }
                    break;
                }
                break;
            }
        }
        return any;
    }

    /// <summary>"… can't be trusted", "… don't belong here", "… should never be allowed to vote".</summary>
    private static bool ShutOut(Words w, int group)
    {
        var negation = w.IndexOf(WordClass.Negation, group + 1, 3);
        var excluded = negation < 0 ? -1 : w.IndexOf(WordClass.Exclusion, negation + 1, 2);
        if (excluded < 0) return false;
        // "are not allowed to drive" reports a law; "should not be allowed" asks for one.
        return !w[excluded].SequenceEqual("allowed") || w.IndexOf(WordClass.Modal, group + 1, excluded - group - 1) >= 0;
    }

    private static bool NegatedBefore(Words w, int t)
    {
        for (var k = Math.Max(0, t - 2); k < t; k++) if (w.Is(k, WordClass.Negation)) return true;
        return false;
    }

    private static bool Distanced(Words w, int t)
    {
        for (var k = Math.Max(0, t - DistancingWindow); k < t; k++) if (w.Is(k, WordClass.Distancing)) return true;
        return false;
    }
}
