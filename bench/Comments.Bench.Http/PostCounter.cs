namespace Comments.Bench.Http;

/// <summary>One counter across phases: every posted text is unique (a repeat in a thread is a 409 duplicate).</summary>
public static class PostCounter
{
    public static int Value;
}
