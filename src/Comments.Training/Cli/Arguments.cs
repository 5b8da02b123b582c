using System.CommandLine;
using System.Globalization;

namespace Comments.Training.Cli;

/// <summary>"command --option value value --flag" as parsed by System.CommandLine: every option may take several values.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options;
    private readonly HashSet<string> _read = [];

    private Arguments(string command, Dictionary<string, List<string>> options) => (Command, _options) = (command, options);

    public string Command { get; }

    /// <summary>The options given to the parsed command, or a <see cref="UsageException"/> saying what is wrong.</summary>
    public static Arguments From(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command is RootCommand)
        {
            if (parse.Tokens.FirstOrDefault() is { } first && !first.Value.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unknown command '{first.Value}'");
            throw new UsageException("missing command: train, evaluate or perturb");
        }
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            if (parse.GetResult(option) is not { Implicit: false }) continue;
            options[option.Name.TrimStart('-')] = option is Option<string[]> values ? [.. parse.GetValue(values) ?? []] : [];
        }
        // An option a command does not have is refused, also where it follows one that takes
        // several values (System.CommandLine hands it to that option as one more value).
        var unknown = parse.UnmatchedTokens.Concat(options.Values.SelectMany(v => v))
            .Where(t => t.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option(s): {string.Join(", ", unknown)}");
        if (parse.UnmatchedTokens.FirstOrDefault() is { } stray) throw new UsageException($"unexpected value '{stray}'");
        if (parse.Errors.FirstOrDefault() is { } error) throw new UsageException(error.Message);
        return new Arguments(command.Name, options);
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
