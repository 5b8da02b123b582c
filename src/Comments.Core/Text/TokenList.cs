namespace Comments.Core.Text;

/// <summary>
/// The folded words of one comment, each with the span of the text it came from.
/// Reused between calls (one per thread) so that scoring allocates nothing per comment.
/// </summary>
public sealed class TokenList
{
    private char[] _chars = new char[256];
    private Token[] _tokens = new Token[64];

    public int Count { get; private set; }

    public ReadOnlySpan<char> Folded(int index) => _chars.AsSpan(_tokens[index].FoldedStart, _tokens[index].FoldedLength);

    /// <summary>Start and length of the token in the text that was folded (for showing a moderator).</summary>
    public (int Start, int Length) Source(int index) => (_tokens[index].SourceStart, _tokens[index].SourceEnd - _tokens[index].SourceStart);

    public void Clear() => Count = 0;

    internal int CharCount => Count == 0 ? 0 : _tokens[Count - 1].FoldedStart + _tokens[Count - 1].FoldedLength;

    internal void Add(ReadOnlySpan<char> folded, int sourceStart, int sourceEnd)
    {
        var start = CharCount;
        if (start + folded.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + folded.Length));
        if (Count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        folded.CopyTo(_chars.AsSpan(start));
        _tokens[Count++] = new Token(start, folded.Length, sourceStart, sourceEnd);
    }

    /// <summary>Replaces the last <paramref name="count"/> tokens by one token made of their letters.</summary>
    internal void JoinLast(int count)
    {
        var first = _tokens[Count - count];
        var last = _tokens[Count - 1];
        var length = 0;
        for (var i = Count - count; i < Count; i++)
        {
            var t = _tokens[i];
            Array.Copy(_chars, t.FoldedStart, _chars, first.FoldedStart + length, t.FoldedLength);
            length += t.FoldedLength;
        }
        Count -= count - 1;
        _tokens[Count - 1] = new Token(first.FoldedStart, length, first.SourceStart, last.SourceEnd);
    }

    private readonly record struct Token(int FoldedStart, int FoldedLength, int SourceStart, int SourceEnd);
}
