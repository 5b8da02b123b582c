namespace Comments.Admin;

/// <summary>"--name value" options; a repeated option keeps every value.</summary>
public sealed class AdminArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public AdminArgs(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) Add(pending, "true");
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                Add(pending, arg);
                pending = null;
            }
            else
            {
                Positional.Add(arg);
            }
        }
        if (pending is not null) Add(pending, "true");
    }

    public List<string> Positional { get; } = [];

    public string? One(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => One(name) ?? throw new AdminUsageException($"--{name} is required.");

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values)) _options[name] = values = [];
        values.Add(value);
    }
}

public sealed class AdminUsageException(string message) : Exception(message);
