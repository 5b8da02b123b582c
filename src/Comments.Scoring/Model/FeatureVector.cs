using Comments.Scoring.Features;
using Microsoft.ML.Data;

namespace Comments.Scoring.Model;

/// <summary>The ML.NET input row of a shipped model: the hashed features of one comment.</summary>
public sealed class FeatureVector
{
    public const string ColumnName = "Features";

    [VectorType(FeatureSpec.Dimension)]
    [ColumnName(ColumnName)]
    public VBuffer<float> Features { get; set; }

    /// <summary>Sorts and merges the (possibly repeated) slots of a buffer into an ML.NET sparse vector.</summary>
    public static VBuffer<float> From(FeatureBuffer buffer)
    {
        var indices = buffer.Indices.ToArray();
        var values = buffer.Values.ToArray();
        Array.Sort(indices, values);
        var count = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            if (count > 0 && indices[count - 1] == indices[i]) { values[count - 1] += values[i]; continue; }
            indices[count] = indices[i];
            values[count] = values[i];
            count++;
        }
        return new VBuffer<float>(FeatureSpec.Dimension, count, values, indices);
    }
}

/// <summary>The ML.NET output of a shipped model.</summary>
public sealed class ModelOutput
{
    public float Score { get; set; }
    public float Probability { get; set; }
}
