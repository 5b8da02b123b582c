namespace Comments.Core.Text;

/// <summary>
/// Folds look-alike letters to the Latin letter a reader sees: Cyrillic and Greek homoglyphs,
/// and Latin letters carrying diacritics ("fück"). Built once into a lookup table.
/// </summary>
internal static class Homoglyphs
{
    private const string LookAlikes =
        "аa вb еe ёe кk мm нh оo рp сc тt уy хx іi їi јj ѕs ԁd һh ԛq ԝw ӏl ɡg ոn" +
        " αa βb γy δd εe ζz ηn θo ιi κk λl μu νv οo πn ρp σo τt υu φo χx ψw ωw ςs";

    private static readonly char[] Table = Build();

    public static char Fold(char lowerCase) =>
        lowerCase < Table.Length ? Table[lowerCase] : lowerCase;

    private static char[] Build()
    {
        var table = new char[0x0590];
        for (var c = 0; c < table.Length; c++) table[c] = (char)c;
        for (var c = 0x00C0; c < 0x0250; c++)
        {
            var decomposed = ((char)c).ToString().Normalize(System.Text.NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
                table[c] = char.ToLowerInvariant(decomposed[0]);
        }
        table['ß'] = 's';
        table['ø'] = 'o';
        table['ł'] = 'l';
        table['đ'] = 'd';
        foreach (var pair in LookAlikes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            table[pair[0]] = pair[1];
        return table;
    }
}
