using Comments.Core.Text;

namespace Comments.Scoring.Policy;

public static partial class AbuseContext
{
    /// <summary>The word lists a comment is read against, as bits: one look-up a word serves every reading.</summary>
    [Flags]
    private enum WordClass : long
    {
        None = 0,
        Violence = 1L << 0, Targets = 1L << 1, Intent = 1L << 2, Exterminate = 1L << 3, Obligation = 1L << 4,
        DoneViolence = 1L << 5, Death = 1L << 6, Copula = 1L << 7, Vermin = 1L << 8, Wish = 1L << 9, BodyHarm = 1L << 10,
        Possessive = 1L << 11, BodyParts = 1L << 12, Traits = 1L << 13, Exclusion = 1L << 14, Negation = 1L << 15,
        HateVerbs = 1L << 16, Distancing = 1L << 17, Modal = 1L << 18, Determiners = 1L << 19, SecondPerson = 1L << 20,
        Group = 1L << 21, PeopleNoun = 1L << 22, ThreatWord = 1L << 23, Hostile = 1L << 24,
    }

    /// <summary>
    /// The folded words of one comment with the classes of each, looked up once: the readings that run on every
    /// comment (threats, dehumanising talk, derogation) and the second looks' masks test bits instead of
    /// looking each word up again.
    /// </summary>
    private readonly ref struct Words(TokenList tokens, ReadOnlySpan<WordClass> classes, WordClass all)
    {
        public TokenList Tokens { get; } = tokens;
        private readonly ReadOnlySpan<WordClass> _classes = classes;
        public int Count => Tokens.Count;
        public ReadOnlySpan<char> this[int index] => Tokens.Folded(index);
        public bool Is(int index, WordClass c) => (_classes[index] & c) != 0;
        public bool Any(WordClass c) => (all & c) != 0;

        /// <summary>The first word of class <paramref name="c"/> among the <paramref name="count"/> words from <paramref name="from"/>, or -1.</summary>
        public int IndexOf(WordClass c, int from, int count)
        {
            for (var i = from; i < Count && i < from + count; i++) if (Is(i, c)) return i;
            return -1;
        }
    }

    private static WordClass Classify(TokenList tokens, Span<WordClass> classes)
    {
        var all = WordClass.None;
        for (var t = 0; t < tokens.Count; t++)
        {
            classes[t] = Lexicon.Words.TryGetValue(tokens.Folded(t), out var c) ? c : WordClass.None;
            all |= classes[t];
        }
        return all;
    }

    /// <summary>Built on first use, after the lists it reads (a nested type initialises on its own).</summary>
    private static class Lexicon
    {
        public static readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> Words = Build().GetAlternateLookup<ReadOnlySpan<char>>();

        private static Dictionary<string, WordClass> Build()
        {
            var lexicon = new Dictionary<string, WordClass>(StringComparer.Ordinal);
            void Add(IEnumerable<string> words, WordClass c)
            {
                foreach (var w in words) lexicon[w] = lexicon.GetValueOrDefault(w) | c;
            }
            Add(Violence, WordClass.Violence); Add(Targets, WordClass.Targets); Add(Intent, WordClass.Intent);
            Add(Exterminate, WordClass.Exterminate); Add(Obligation, WordClass.Obligation);
            Add(DoneViolence, WordClass.DoneViolence); Add(Death, WordClass.Death); Add(Copula, WordClass.Copula);
            Add(Vermin, WordClass.Vermin); Add(Wish, WordClass.Wish); Add(BodyHarm, WordClass.BodyHarm);
            Add(Possessive, WordClass.Possessive); Add(BodyParts, WordClass.BodyParts); Add(Traits, WordClass.Traits);
            Add(Exclusion, WordClass.Exclusion); Add(Negation, WordClass.Negation); Add(HateVerbs, WordClass.HateVerbs);
            Add(Distancing, WordClass.Distancing); Add(Modal, WordClass.Modal); Add(Determiners, WordClass.Determiners);
            Add(SecondPerson, WordClass.SecondPerson); Add(IdentityTerms.GroupWords, WordClass.Group);
            Add(IdentityTerms.PeopleWords, WordClass.PeopleNoun); Add(ThreatWords, WordClass.ThreatWord);
            Add(Hostile, WordClass.Hostile);
            return lexicon;
        }
    }

    /// <summary>
    /// The word at <paramref name="t"/> names a whole group of people: a plural group word ("muslims",
    /// "immigrants", "women") or a group word before a noun for people ("black people", "gay men")
    /// (<see cref="IdentityTerms"/>). "the old process" or "white space" do not.
    /// </summary>
    private static bool NamesPeople(Words w, int t)
    {
        if (!w.Is(t, WordClass.Group)) return w.Is(t, WordClass.PeopleNoun) && t > 0 && w.Is(t - 1, WordClass.Group);
        var word = w[t];
        if (word.SequenceEqual("men") || word.SequenceEqual("women")) return true;
        if (t + 1 < w.Count && w.Is(t + 1, WordClass.PeopleNoun)) return true;
        return word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal);
    }
}
