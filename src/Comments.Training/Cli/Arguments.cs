using System.Globalization;

namespace Comments.Training.Cli;

/// <summary>"command --option value value --flag": every option may take several values.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options;
    private readonly HashSet<string> _read = [];

    private Arguments(string command, Dictionary<string, List<string>> options) => (Command, _options) = (command, options);

    public string Command { get; }

    public static Arguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--")) throw new UsageException("missing command: train, evaluate or perturb");
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var arg in args.Skip(1))
        {
            if (arg.StartsWith("--")) options[arg[2..]] = current = options.GetValueOrDefault(arg[2..]) ?? [];
            else if (current is null) throw new UsageException($"unexpected value '{arg}' before any --option");
            else current.Add(arg);
        }
        return new Arguments(args[0], options);
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public IReadOnlyList<string> Many(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList() : [];
    }

    public string? Single(string name)
    {
        var values = Many(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"--{name} takes one value"),
        };
    }

    public string Required(string name) => Single(name) ?? throw new UsageException($"--{name} is required");

    public float Number(string name, float fallback) =>
        Single(name) is { } text
            ? float.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageException($"--{name} must be a number")
            : fallback;

    public string Kind()
    {
        var kind = Required("kind");
        return kind is "spam" or "toxicity" ? kind : throw new UsageException("--kind must be spam or toxicity");
    }

    /// <summary>Fails on any option no command asked for (a typo must not be silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}");
    }
}
