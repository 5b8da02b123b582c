namespace Comments.Scoring.Policy;

/// <summary>
/// Words that name a group of people (religion, nationality, ethnicity, orientation, gender
/// identity, disability, age) or a body part, used neutrally far more often than in abuse, but
/// learned as toxic from corpora where abuse names them ("of course they identify as
/// transsexual", "my penis is fine"). The toxicity model is asked again without them: a comment
/// whose toxicity was carried by such a word alone is not an attack; an attack keeps its insult,
/// its dehumanising verb or its threat. Slurs and words used as insults ("retard", and "queer", which
/// tweets still use as one more often than they reclaim it) are not here.
/// Folded forms (<see cref="Core.Text.EvasionFolder"/>), singular and plural.
/// </summary>
public static class IdentityTerms
{
    private static readonly HashSet<string> Groups = new(StringComparer.Ordinal)
    {
        // religion
        "muslim", "muslims", "islam", "islamic", "moslem", "moslems", "christian", "christians", "christianity", "catholic",
        "catholics", "protestant", "protestants", "evangelical", "evangelicals", "mormon", "mormons", "jew", "jews", "jewish",
        "judaism", "hindu", "hindus", "hinduism", "sikh", "sikhs", "buddhist", "buddhists", "atheist", "atheists", "agnostic",
        "religious", "orthodox",
        // nationality, ethnicity, race
        "black", "blacks", "white", "whites", "asian", "asians", "latino", "latinos", "latina", "latinas", "latinx", "hispanic",
        "hispanics", "arab", "arabs", "arabic", "african", "africans", "american", "americans", "european", "europeans",
        "mexican", "mexicans", "chinese", "japanese", "korean", "koreans", "indian", "indians", "pakistani", "pakistanis",
        "nigerian", "nigerians", "somali", "somalis", "syrian", "syrians", "afghan", "afghans", "iranian", "iranians",
        "iraqi", "iraqis", "turkish", "turks", "russian", "russians", "polish", "poles", "irish", "italian", "italians",
        "german", "germans", "french", "british", "english", "scottish", "canadian", "canadians", "australian", "australians",
        "filipino", "filipinos", "vietnamese", "palestinian", "palestinians", "israeli", "israelis", "roma", "romani",
        "indigenous", "native", "natives", "aboriginal", "immigrant", "immigrants", "migrant", "migrants", "refugee",
        "refugees", "foreigner", "foreigners", "ethnic", "minority", "minorities",
        // orientation, gender, gender identity
        "gay", "gays", "lesbian", "lesbians", "bisexual", "bisexuals", "bi", "homosexual", "homosexuals",
        "heterosexual", "heterosexuals", "straight", "lgbt", "lgbtq", "lgbtqia", "trans", "transgender", "transgenders",
        "transsexual", "transsexuals", "nonbinary", "intersex", "asexual", "woman", "women", "man", "men", "girl", "girls",
        "boy", "boys", "female", "females", "male", "males", "feminist", "feminists",
        // disability and age
        "disabled", "disability", "disabilities", "deaf", "blind", "autistic", "autism", "wheelchair", "elderly", "old",
        "older", "young", "teen", "teens", "teenager", "teenagers",
    };
    private static readonly HashSet<string> Body = new(StringComparer.Ordinal)
    {
        // body and sexual health
        "penis", "penises", "vagina", "vaginas", "vulva", "breast", "breasts", "nipple", "nipples", "nips", "testicle",
        "testicles", "prostate", "uterus", "womb", "genitals", "genital", "sex", "sexual", "sexuality", "sexually",
        "pregnant", "pregnancy", "period", "periods", "menstrual", "bra", "bras", "underwear",
    };
    /// <summary>Nouns for people that an identity word before them makes a group ("black people", "gay men").</summary>
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "people", "folk", "folks", "men", "women", "kids", "children", "families", "guys", "girls", "boys", "persons",
        "community", "communities", "population", "citizens", "voters", "students", "workers",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupLookup = Groups.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BodyLookup = Body.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> folded) => GroupLookup.Contains(folded) || BodyLookup.Contains(folded);

    /// <summary>Words for a group of people (<see cref="AbuseContext"/> reads "black people", "Muslims" with them).</summary>
    internal static IEnumerable<string> GroupWords => Groups;

    /// <summary>Nouns for people that an identity word before them makes a group ("black people", "gay men").</summary>
    internal static IEnumerable<string> PeopleWords => PeopleNouns;
}
