namespace Comments.Scoring.Features;

/// <summary>FNV-1a over characters, finished with murmur3's mixer so low bits spread evenly.</summary>
internal static class FeatureHashing
{
    public const uint Prime = 16777619;
    private const uint Basis = 2166136261;

    public static uint Start(uint seed) => Basis ^ (seed * 0x9E3779B1);

    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Of(uint seed, ReadOnlySpan<char> text)
    {
        var h = Start(seed);
        foreach (var c in text) h = Add(h, c);
        return h;
    }

    public static uint Combine(uint a, uint b) => Finish(a * 0x9E3779B1 + b);

    public static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
