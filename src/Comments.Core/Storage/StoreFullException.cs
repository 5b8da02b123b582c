namespace Comments.Core.Storage;

/// <summary>
/// The store has no room for new comments (the embedded store at its configured capacity). Nothing
/// of the refused write was stored; reads keep working. Answered as 507 with a stable code.
/// </summary>
public sealed class StoreFullException(string message) : Exception(message);
