namespace Comments.Storage;

/// <summary>
/// The store cannot be used safely, so the service must not start: the message says which data
/// folder and what to do. The host prints it and exits with 1 (see Program.cs).
/// </summary>
public sealed class StoreStartException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>This exception, wherever the host or the container wrapped it.</summary>
    public static StoreStartException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is StoreStartException found) return found;
            if (e is AggregateException { InnerExceptions: [var only] }) return Find(only);
        }
        return null;
    }
}
