using Comments.Core.Text;

namespace Comments.Scoring.Policy;

/// <summary>
/// Finds the words of a comment that are not the author's own attack, so that the toxicity
/// model can be asked again without them:
/// <list type="bullet">
/// <item>friendly profanity: a swear word not aimed at someone ("this is fucking brilliant").
/// Kept as aimed: one followed by "you", "off", "up", "them" ("fuck you", "shut the fuck up"),
/// one shortly after "you"/"your" ("you big fucking baby", "you aren't shit"), and the noun after
/// "of" ("piece of shit", "bag of shit");</item>
/// <item>reported or quoted abuse: the words after "called (someone) a", "the word", or inside
/// quotation marks in a comment that reports speech ("my son was called a … at school",
/// "calling people … is not okay", "he yelled "…" at me"). A name-calling aimed at "you" is
/// not a report.</item>
/// <item>a stereotype the author denies or rejects: "Muslims are not terrorists", "not all men are …",
/// "the myth that immigrants are criminals".</item>
/// </list>
/// Also reads threats, dehumanising talk and derogation of a group, which are held whatever the model scores.
/// Works on the folded tokens of the featurizer; returns the text with those words blanked out.
/// </summary>
public static partial class AbuseContext
{
    private const int AimedWindow = 3, MaxReportedWords = 3, MaxObjectWords = 3, MaxQuotedWords = 16;

    private static readonly HashSet<string> AimedAfter = new(StringComparer.Ordinal) { "you", "u", "ya", "yourself", "yourselves", "urself", "off", "up", "them", "him", "her", "em" };
    private static readonly HashSet<string> SecondPerson = new(StringComparer.Ordinal) { "you", "u", "ya", "yourself", "yourselves", "urself", "youre", "ur" };
    private static readonly HashSet<string> NameCalling = new(StringComparer.Ordinal) { "called", "calling", "calls", "named", "labelled", "labeled", "branded" };
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the", "as" };
    private static readonly HashSet<string> EndsName = new(StringComparer.Ordinal)
    {
        "at", "in", "on", "by", "for", "to", "from", "and", "but", "or", "because", "when", "while", "so", "online", "today",
        "yesterday", "again", "twice", "once", "is", "was", "are", "were",
    };
    private static readonly HashSet<string> WordCue = new(StringComparer.Ordinal) { "word", "words", "slur", "slurs", "term", "terms", "insult", "insults" };
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "saying", "wrote", "writes", "yelled", "yelling", "shouted", "shouting", "screamed", "screaming",
        "told", "tweeted", "posted", "chanted", "chanting", "heard", "quote", "quoted", "quoting", "called", "calling", "word", "words",
        "slur", "slurs", "sign", "signs", "graffiti", "painted", "sprayed",
    };

    private static readonly HashSet<string> Violence = new(StringComparer.Ordinal)
    {
        "kill", "murder", "shoot", "stab", "hang", "lynch", "rape", "beat", "burn", "hurt", "strangle", "choke", "slit",
        "behead", "bomb", "gas", "execute", "slaughter", "butcher", "torture", "skin", "drown",
    };
    private static readonly HashSet<string> Targets = new(StringComparer.Ordinal)
    {
        "you", "u", "ya", "your", "yourself", "yourselves", "urself", "him", "her", "them", "em", "all", "every", "each",
    };
    private static readonly HashSet<string> Intent = new(StringComparer.Ordinal)
    {
        "will", "ll", "gonna", "going", "shall", "want", "wanna", "hope", "should", "must", "deserve", "deserves", "gotta",
        "ought", "gon", "go", "lets", "let", "hopefully", "wish", "need", "needs",
    };
    private const int IntentWindow = 4;
    private static readonly HashSet<string> Exterminate = new(StringComparer.Ordinal) { "exterminate", "eradicate", "wipe", "cleanse", "purge", "genocide" };
    private static readonly HashSet<string> Obligation = new(StringComparer.Ordinal)
    {
        "should", "must", "deserve", "deserves", "need", "needs", "ought", "gotta", "oughta",
    };
    private static readonly HashSet<string> DoneViolence = new(StringComparer.Ordinal)
    {
        "killed", "shot", "hanged", "hung", "lynched", "gassed", "burned", "burnt", "exterminated", "slaughtered", "butchered",
        "beheaded", "executed", "murdered", "stabbed", "bombed", "drowned", "tortured", "eradicated", "wiped", "raped", "beaten",
    };
    private static readonly HashSet<string> Death = new(StringComparer.Ordinal) { "die", "dies", "rot", "rots", "burn", "burns", "perish", "perishes", "hang", "drown", "drowns" };
    private static readonly HashSet<string> Copula = new(StringComparer.Ordinal) { "are", "r", "were", "is", "arent" };
    private static readonly HashSet<string> Vermin = new(StringComparer.Ordinal)
    {
        "vermin", "cockroach", "cockroaches", "rat", "rats", "parasite", "parasites", "plague", "disease", "cancer", "animal",
        "animals", "savage", "savages", "ape", "apes", "monkey", "monkeys", "pig", "pigs", "dog", "dogs", "beast", "beasts",
        "subhuman", "subhumans", "filth", "scum", "trash", "garbage", "rubbish", "leech", "leeches", "mongrel", "mongrels",
        "invader", "invaders", "barbarian", "barbarians", "infestation", "swarm", "insects", "maggots", "lice", "roaches",
    };
    private static readonly HashSet<string> Wish = new(StringComparer.Ordinal) { "hope", "hoping", "wish", "wishing", "pray", "praying", "want" };
    /// <summary>Verbs that harm a body part named after them ("break your neck", "cut his throat").</summary>
    private static readonly HashSet<string> BodyHarm = new(StringComparer.Ordinal)
    {
        "break", "snap", "cut", "slit", "rip", "smash", "bash", "crush", "punch", "kick", "gouge", "tear", "knock", "stab", "shoot",
        "burn", "beat",
    };
    private static readonly HashSet<string> Possessive = new(StringComparer.Ordinal) { "your", "ur", "yo", "his", "her", "their" };
    private static readonly HashSet<string> BodyParts = new(StringComparer.Ordinal)
    {
        "neck", "necks", "leg", "legs", "arm", "arms", "jaw", "jaws", "face", "faces", "skull", "skulls", "head", "heads", "throat",
        "throats", "teeth", "nose", "bones", "spine", "ribs", "fingers", "kneecaps", "knees", "eyes", "brains", "guts", "balls",
    };
    /// <summary>
    /// Words in whose company a group's name is not eased (<see cref="MarkIdentity"/>): vermin, violence
    /// and death, and insults, where the group named may be the one attacked ("Muslims are idiots").
    /// </summary>
    private static readonly HashSet<string> Hostile = new(Violence.Concat(Vermin).Concat(Exterminate).Concat(
    [
        "die", "dies", "dead", "death", "deaths", "killed", "killing", "kills", "shot", "shooting", "exterminated", "extermination",
        "eradicated", "wiped", "gassed", "lynched", "hanged", "burned", "cleansing",
        "diseased", "filthy", "trashy", "infest", "infesting", "breed", "breeding", "inferior", "primitive", "horde", "hordes",
        "terrorist", "terrorists",
        "idiot", "idiots", "moron", "morons", "stupid", "dumb", "retard", "retards", "retarded", "whore", "whores", "slut",
        "sluts", "skank", "skanks", "skanking", "bitch", "bitches", "hoe", "hoes", "ho", "cunt", "cunts", "bastard", "bastards",
        "scumbag", "scumbags", "degenerate", "degenerates", "pervert", "perverts", "freak", "freaks", "disgusting", "pathetic",
        "ignorant", "lazy", "thug", "thugs", "ghetto", "cracker", "crackers", "redneck", "rednecks", "criminal", "criminals",
    ]), StringComparer.Ordinal);

    /// <summary>The attacks read in every comment, whatever the model scores: one look-up a word for all three.</summary>
    public readonly record struct Attacks(bool Threat, bool Dehumanising, bool Derogatory);

    /// <summary>Threats, dehumanising talk and derogation of a group (<see cref="IsThreat"/>, <see cref="IsDehumanising"/>, <see cref="IsDerogatory"/>).</summary>
    public static Attacks ReadAttacks(TokenList tokens)
    {
        Span<WordClass> classes = tokens.Count <= 256 ? stackalloc WordClass[tokens.Count] : new WordClass[tokens.Count];
        var w = new Words(tokens, classes, Classify(tokens, classes));
        if (!w.Any(WordClass.ThreatWord | WordClass.Vermin | WordClass.Traits | WordClass.Exclusion | WordClass.HateVerbs)) return default;
        var dehumanising = Dehumanising(w);
        return new Attacks(Threat(w), dehumanising, !dehumanising && Derogatory(w));
    }

    public static bool IsThreat(TokenList tokens) => ReadAttacks(tokens).Threat;

    public static bool IsDehumanising(TokenList tokens) => ReadAttacks(tokens).Dehumanising;

    public static bool IsDerogatory(TokenList tokens) => ReadAttacks(tokens).Derogatory;

    /// <summary>
    /// A threat or a call to violence: a violent verb aimed at a person ("kill you", "shoot them
    /// all", "kill yourself") after a word of intent ("I will", "someone should", "hope you",
    /// "go"), or "know where you live".
    /// </summary>
    private static bool Threat(Words w)
    {
        // Read for every comment: one look-up a word decides for almost all of them.
        if (!w.Any(WordClass.ThreatWord)) return false;
        for (var t = 0; t < w.Count; t++)
        {
            var word = w[t];
            if (word.SequenceEqual("kys")) return true;
            if (YouWillBeHurt(w, t)) return true;
            if (word.SequenceEqual("where") && t >= 1 && w[t - 1].SequenceEqual("know") && t + 2 < w.Count
                && w.Is(t + 1, WordClass.Targets) && w[t + 2].StartsWith("live", StringComparison.Ordinal)) return true;
            var dies = word.SequenceEqual("die") || word.SequenceEqual("rot");
            var harmsBody = HarmsABodyPart(w, t);
            if (!dies && !harmsBody && !w.Is(t, WordClass.Violence)) continue;
            int from;
            if (harmsBody)
            {
                // "break your neck", "cut his throat": an order at the start, or after a word of intent.
                if (t == 0) return true;
                from = t;
            }
            else if (!dies && t + 1 < w.Count && w.Is(t + 1, WordClass.Targets))
            {
                // "kill you", "kill yourself": aimed at the person after the verb.
                if (w[t + 1].StartsWith("yourself", StringComparison.Ordinal)) return true;
                from = t;
            }
            else if (t >= 1 && w.Is(t - 1, WordClass.Targets)) from = t - 1; // "hope you burn", "you should die"
            else if (t >= 2 && w.Is(t - 2, WordClass.Targets) && w.Is(t - 1, WordClass.Intent)) return true;
            else continue;
            for (var k = Math.Max(0, from - IntentWindow); k < from; k++) if (w.Is(k, WordClass.Intent)) return true;
        }
        return CallsForViolenceAgainstAGroup(w);
    }

    /// <summary>"break your neck", "smash his face in", "cut their throats": a verb of harm, then whose, then a body part.</summary>
    private static bool HarmsABodyPart(Words w, int t)
    {
        if (!w.Is(t, WordClass.BodyHarm)) return false;
        var whose = w.IndexOf(WordClass.Possessive, t + 1, 2);
        return whose >= 0 && w.IndexOf(WordClass.BodyParts, whose + 1, 2) >= 0;
    }

    /// <summary>"you will be killed", "you're gonna get shot": the person addressed, a word of intent, then violence done.</summary>
    private static bool YouWillBeHurt(Words w, int t)
    {
        if (!w.Is(t, WordClass.SecondPerson)) return false;
        var intent = w.IndexOf(WordClass.Intent, t + 1, 2);
        return intent >= 0 && w.IndexOf(WordClass.DoneViolence, intent + 1, 3) >= 0;
    }

    /// <summary>
    /// A group of people called vermin, animals or rubbish ("Muslims are vermin", "immigrants are
    /// like rats", "Jews are parasites who …"): dehumanising, whatever the model scores it.
    /// </summary>
    private static bool Dehumanising(Words w)
    {
        if (!w.Any(WordClass.Vermin)) return false;
        for (var t = 0; t < w.Count; t++)
        {
            if (!NamesPeople(w, t)) continue;
            var copula = w.IndexOf(WordClass.Copula, t + 1, 2);
            if (copula >= 0 && w.IndexOf(WordClass.Vermin, copula + 1, 3) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Violence called for or wished on a group of people (<see cref="NamesPeople"/>):
    /// "Muslims should be shot", "immigrants deserve to die", "I hope every immigrant dies",
    /// "someone should shoot black people", "exterminate the gay people" (a violent verb first,
    /// or after a word of intent, with the group right after it).
    /// </summary>
    private static bool CallsForViolenceAgainstAGroup(Words w)
    {
        for (var t = 0; t < w.Count; t++)
        {
            if (w.Is(t, WordClass.Violence | WordClass.Exterminate))
            {
                var intended = t == 0;
                for (var k = Math.Max(0, t - 2); k < t && !intended; k++) intended = w.Is(k, WordClass.Intent);
                if (intended)
                    for (var g = t + 1; g < w.Count && g <= t + 3; g++) if (NamesPeople(w, g)) return true;
            }
            if (NamesPeople(w, t) || w.Is(t, WordClass.Targets))
            {
                // "… should (all) be shot", "… deserve to die"
                for (var m = t + 1; m < w.Count && m <= t + 3; m++)
                {
                    if (!w.Is(m, WordClass.Obligation)) continue;
                    for (var v = m + 1; v < w.Count && v <= m + 3; v++)
                        if (w.Is(v, WordClass.DoneViolence | WordClass.Death)) return true;
                }
            }
            if (w.Is(t, WordClass.Wish))
            {
                // "I hope every immigrant in this town dies"
                for (var g = t + 1; g < w.Count && g <= t + 5; g++)
                {
                    if (!NamesPeople(w, g) && !w.Is(g, WordClass.Targets)) continue;
                    for (var v = g + 1; v < w.Count && v <= g + 5; v++) if (w.Is(v, WordClass.Death)) return true;
                    break;
                }
            }
        }
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AimedAfterL = AimedAfter.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SecondPersonL = SecondPerson.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameCallingL = NameCalling.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticlesL = Articles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EndsNameL = EndsName.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordCueL = WordCue.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbsL = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>
    /// A word every threat reading needs (the violence, or "live" of "know where you live"): a comment
    /// with none of them is no threat. Common words ("hope", "where") are left out on purpose.
    /// </summary>
    private static readonly HashSet<string> ThreatWords = new(
        Violence.Concat(Exterminate).Concat(DoneViolence).Concat(Death).Concat(BodyHarm).Concat(["kys", "live", "lives", "lived", "living"]),
        StringComparer.Ordinal);

    /// <summary>True when the comment has a swear word (aimed or not): what a site that holds profanity holds.</summary>
    public static bool HasProfanity(TokenList tokens)
    {
        for (var t = 0; t < tokens.Count; t++) if (Profanity.IsSwearWord(tokens.Folded(t))) return true;
        return false;
    }

    /// <summary>True when the comment names a group of people or a body part (<see cref="IdentityTerms"/>).</summary>
    public static bool HasIdentityTerm(TokenList tokens)
    {
        for (var t = 0; t < tokens.Count; t++) if (IdentityTerms.Contains(tokens.Folded(t))) return true;
        return false;
    }

    /// <summary>
    /// The text with reported or quoted abuse blanked, and with friendly profanity too when
    /// <paramref name="profanity"/> is set, identity and body words when <paramref name="identity"/>
    /// is; null when nothing was blanked.
    /// </summary>
    public static string? Mask(string text, TokenList tokens, bool profanity, bool identity = false)
    {
        Span<bool> masked = tokens.Count <= 512 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        masked.Clear();
        Span<WordClass> classes = tokens.Count <= 256 ? stackalloc WordClass[tokens.Count] : new WordClass[tokens.Count];
        var words = new Words(tokens, classes, Classify(tokens, classes));
        var any = MarkReported(text, tokens, masked) | MarkQuoted(text, tokens, masked) | MarkRejectedStereotype(words, masked);
        if (profanity) any |= MarkFriendlyProfanity(tokens, masked);
        if (identity) any |= MarkIdentity(words, masked);
        if (!any) return null;
        var chars = text.ToCharArray();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!masked[t]) continue;
            var (start, length) = tokens.Source(t);
            chars.AsSpan(start, length).Fill(' ');
        }
        return new string(chars);
    }

    /// <summary>
    /// Identity and body words, except where they are part of the attack: said of "you" ("so you're
    /// gay?"). None at all in a comment that speaks of violence, death, vermin or rubbish, or has an
    /// insult: there the model's weight on the group's name is often all that holds the attack
    /// ("exterminate the gay people" scores 0.67, "exterminate the people" 0.13; "white trash"
    /// reads milder as "trash"; "women are skanking whores" as "are skanking whores").
    /// </summary>
    private static bool MarkIdentity(Words w, Span<bool> masked)
    {
        if (w.Any(WordClass.Hostile)) return false;
        var any = false;
        for (var t = 0; t < w.Count; t++)
        {
            if (!IdentityTerms.Contains(w[t]) || AfterSecondPerson(w.Tokens, t)) continue;
            masked[t] = any = true;
        }
        return any;
    }

    private static bool AfterSecondPerson(TokenList tokens, int t)
    {
        for (var k = Math.Max(0, t - AimedWindow); k < t; k++)
            if (SecondPersonL.Contains(tokens.Folded(k)) || tokens.Folded(k).SequenceEqual("your")) return true;
        return false;
    }

    private static bool MarkFriendlyProfanity(TokenList tokens, Span<bool> masked)
    {
        var any = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!Profanity.IsSwearWord(tokens.Folded(t))) continue;
            if (IsAimed(tokens, t)) continue;
            masked[t] = any = true;
        }
        return any;
    }

    private static bool IsAimed(TokenList tokens, int t)
    {
        if (t + 1 < tokens.Count && AimedAfterL.Contains(tokens.Folded(t + 1))) return true;
        if (t >= 1 && tokens.Folded(t - 1).SequenceEqual("of")) return true;
        return AfterSecondPerson(tokens, t);
    }

    /// <summary>A sentence or clause mark between token k-1 and token k ends a reported name.</summary>
    private static bool PunctuationBefore(string text, TokenList tokens, int k)
    {
        var (start, length) = tokens.Source(k - 1);
        var next = tokens.Source(k).Start;
        return text.AsSpan(start + length, next - start - length).IndexOfAny(".,;:!?") >= 0;
    }

    private static bool MarkReported(string text, TokenList tokens, Span<bool> masked)
    {
        var any = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            var word = tokens.Folded(t);
            int from;
            if (WordCueL.Contains(word) && t > 0 && tokens.Folded(t - 1).SequenceEqual("the")) from = t + 1;
            else if (NameCallingL.Contains(word)) from = AfterObject(tokens, t + 1);
            else continue;
            if (from < 0) continue;
            for (var k = from; k < tokens.Count && k < from + MaxReportedWords; k++)
            {
                if (SecondPersonL.Contains(tokens.Folded(k))) break;
                if (k > from && (EndsNameL.Contains(tokens.Folded(k)) || PunctuationBefore(text, tokens, k))) break;
                masked[k] = any = true;
            }
        }
        return any;
    }

    /// <summary>
    /// After "called": skips the person named ("my son", "him", "people") up to an article, and
    /// returns where the name they were called starts; -1 when it is aimed at "you".
    /// </summary>
    private static int AfterObject(TokenList tokens, int from)
    {
        for (var k = from; k < tokens.Count && k <= from + MaxObjectWords; k++)
        {
            var word = tokens.Folded(k);
            if (SecondPersonL.Contains(word)) return -1;
            if (ArticlesL.Contains(word)) return k + 1;
        }
        // "calling people X": no article, the object is one word.
        return from + 1 < tokens.Count && !SecondPersonL.Contains(tokens.Folded(from)) ? from + 1 : -1;
    }

    private static bool MarkQuoted(string text, TokenList tokens, Span<bool> masked)
    {
        if (text.IndexOfAny(['"', '“', '”']) < 0) return false;
        var reportsSpeech = false;
        for (var t = 0; t < tokens.Count && !reportsSpeech; t++) reportsSpeech = SpeechVerbsL.Contains(tokens.Folded(t));
        if (!reportsSpeech) return false;
        var any = false;
        var open = -1;
        var t2 = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('"' or '“' or '”')) continue;
            if (open < 0) { open = i; continue; }
            var first = t2;
            while (first < tokens.Count && tokens.Source(first).Start < open) first++;
            var last = first;
            while (last < tokens.Count && tokens.Source(last).Start < i) last++;
            if (last - first is > 0 and <= MaxQuotedWords)
            {
                for (var k = first; k < last; k++) masked[k] = true;
                any = true;
            }
            t2 = last;
            open = -1;
        }
        return any;
    }
}
