namespace Comments.Training.Data;

internal static class LabelParser
{
    /// <summary>1/0, true/false (any case, surrounding spaces ignored); anything else is not a label.</summary>
    public static bool? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "1.0" or "true" => true,
        "0" or "0.0" or "false" => false,
        _ => null,
    };
}
