using System.Security.Cryptography;
using System.Text;
using Comments.Scoring.Semantic;

namespace Comments.Training.Semantic;

/// <summary>
/// Sentence embeddings kept on disk between runs (embedding is the slow part of training the
/// semantic heads: about 20 ms of CPU a comment). One append-only file, DIR/embeddings.bin, of
/// records: the SHA-1 of the embedded text (<see cref="SentenceEmbedder.Input"/>) and its 384
/// floats. Keep it outside the repository: it is derived from the corpora.
/// </summary>
public sealed class EmbeddingCache
{
    private const int RecordBytes = 20 + SentenceEmbedder.Dimension * sizeof(float);
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly string _path;

    public EmbeddingCache(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "embeddings.bin");
        if (!File.Exists(_path)) return;
        var bytes = File.ReadAllBytes(_path);
        for (var offset = 0; offset + RecordBytes <= bytes.Length; offset += RecordBytes)
        {
            var key = Convert.ToHexString(bytes, offset, 20);
            var vector = new float[SentenceEmbedder.Dimension];
            Buffer.BlockCopy(bytes, offset + 20, vector, 0, RecordBytes - 20);
            _vectors[key] = vector;
        }
    }

    public int Count => _vectors.Count;

    public static string Key(string normalizedText) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(SentenceEmbedder.Input(normalizedText))));

    public bool TryGet(string normalizedText, out float[] vector) => _vectors.TryGetValue(Key(normalizedText), out vector!);

    public void Add(string normalizedText, float[] vector)
    {
        var key = Key(normalizedText);
        if (!_vectors.TryAdd(key, vector)) return;
        var record = new byte[RecordBytes];
        Convert.FromHexString(key).CopyTo(record, 0);
        Buffer.BlockCopy(vector, 0, record, 20, RecordBytes - 20);
        using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write);
        stream.Write(record);
    }
}
