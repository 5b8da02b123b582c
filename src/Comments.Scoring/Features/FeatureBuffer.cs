using Comments.Core.Text;

namespace Comments.Scoring.Features;

/// <summary>
/// The hashed features of one comment: slot, value, and which words produced each one (so a
/// score can be explained). Indices may repeat; a linear model simply adds them up.
/// Reused between calls on one thread.
/// </summary>
public sealed class FeatureBuffer
{
    public const int NoToken = -1;

    private int[] _indices = new int[1024];
    private float[] _values = new float[1024];
    private int[] _firstToken = new int[1024];
    private int[] _secondToken = new int[1024];

    public TokenList Tokens { get; } = new();
    public int Count { get; private set; }
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>The word (token index) a feature came from, or a negative <see cref="MetaFeature"/> code.</summary>
    public ReadOnlySpan<int> FirstToken => _firstToken.AsSpan(0, Count);

    /// <summary>The second word of a word pair, else <see cref="NoToken"/>.</summary>
    public ReadOnlySpan<int> SecondToken => _secondToken.AsSpan(0, Count);

    public void Clear() => Count = 0;

    internal void Add(int index, int firstToken, int secondToken = NoToken)
    {
        if (Count == _indices.Length) Grow();
        _indices[Count] = index;
        _values[Count] = 1f;
        _firstToken[Count] = firstToken;
        _secondToken[Count] = secondToken;
        Count++;
    }

    internal void Scale(int from, float factor)
    {
        for (var i = from; i < Count; i++) _values[i] *= factor;
    }

    private void Grow()
    {
        var size = _indices.Length * 2;
        Array.Resize(ref _indices, size);
        Array.Resize(ref _values, size);
        Array.Resize(ref _firstToken, size);
        Array.Resize(ref _secondToken, size);
    }
}
