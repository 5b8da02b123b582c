namespace Comments.Core.Submissions;

/// <summary>Field limits in UTF-8 bytes, as WordPress counts them (design.md step 1).</summary>
public static class FieldLimits
{
    public const int TextBytes = 65_525;
    public const int AuthorNameBytes = 245;
    public const int AuthorEmailBytes = 100;
    public const int AuthorUrlBytes = 200;
    public const int ThreadTitleBytes = 500;
    public const int ThreadUrlBytes = 2_000;
    public const int ThreadIdLength = Comments.Ids.ThreadLength;
    public const int IdempotencyKeyLength = Comments.Ids.IdempotencyKeyLength;
    /// <summary>The request body cap: the fields above even if every character were JSON-escaped.</summary>
    public const int RequestBodyBytes = 512 * 1024;
}
