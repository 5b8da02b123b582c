using System.CommandLine;
using System.CommandLine.Help;
using Comments.Training.Data;

namespace Comments.Training.Cli;

/// <summary>
/// Parses the command line with System.CommandLine and dispatches the command; errors go to stderr
/// with exit 2 (usage) or 1 (data), stdout stays clean. Each command reads its options through
/// <see cref="Arguments"/>; a new option is declared in <see cref="Options"/> under its command.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          train    --kind spam|toxicity --data FILE... [--negatives FILE...] [--weight SOURCE=W ...] [--train-split train,...]
                   [--exclude-group G ...] [--balance-classes] [--holdout] [--l2 X] [--l1 X]
                   [--nb-alpha X] [--nb-beta X] [--out models/]
          evaluate --kind spam|toxicity [--model ZIP] --data FILE... [--split S] [--source S] [--group G]
                   [--threshold T] [--perturb SEED [--technique NAME]] [--all-negative] [--decisions [--models DIR] [--site NAME=VALUE ...] [--semantic [--semantic-weight W]]]
                   [--per-label N [--cache DIR]] [--json]
          perturb  --data FILE... [--seed N] --out FILE.jsonl
          promote  --kind spam|toxicity --candidate ZIP [--model ZIP] --data FILE... [--split test] [--tolerance 0.002]
                   replaces the serving model only if the candidate is no worse on every evaluation set (exit 3 if refused)
          embed    --data FILE... --cache DIR [--split train,val,test] [--per-label N] [--exclude-group G ...]
                   embeds a stable sample of the rows with the semantic stage's sentence encoder into DIR (outside the repository)
          train-semantic --kind spam|toxicity --data FILE... --cache DIR [--per-label N] [--model ZIP] [train's options]
                   trains KIND.semantic.zip on the embedded sample; reports fast / semantic / combined ROC AUC per test source
        FILE is JSONL (text, label, optional split, source, group, weight) or CSV with a text,label header.
        """;

    /// <summary>Each command's options: those that take values (one or more, also comma-separated) and flags.</summary>
    private static readonly (string Command, string[] Values, string[] Flags)[] Options =
    [
        ("train", ["kind", "data", "negatives", "weight", "train-split", "exclude-group", "l2", "l1", "nb-alpha", "nb-beta", "out"], ["balance-classes", "holdout"]),
        ("evaluate", ["kind", "model", "data", "split", "source", "group", "threshold", "perturb", "technique", "models", "site", "per-label", "cache", "semantic-weight"], ["all-negative", "decisions", "json", "semantic"]),
        ("perturb", ["data", "seed", "out"], []),
        ("promote", ["kind", "candidate", "model", "data", "split", "tolerance"], []),
        ("embed", ["data", "cache", "split", "per-label", "exclude-group"], []),
        ("train-semantic", ["kind", "data", "negatives", "weight", "train-split", "exclude-group", "l2", "l1", "out", "cache", "per-label", "model"], ["balance-classes", "holdout"]),
    ];

    private static RootCommand Commands()
    {
        var root = new RootCommand("Train, evaluate, perturb and promote the comment models.");
        foreach (var (name, values, flags) in Options)
        {
            var command = new Command(name);
            foreach (var option in values)
                command.Options.Add(new Option<string[]>("--" + option) { AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore });
            foreach (var flag in flags) command.Options.Add(new Option<bool>("--" + flag));
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            // No response files: a data path may start with '@'.
            var parse = Commands().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Action is HelpAction) return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
            var arguments = Arguments.From(parse);
            return arguments.Command switch
            {
                "train" => TrainCommand.Run(arguments, output, error),
                "evaluate" => EvaluateCommand.Run(arguments, output),
                "perturb" => PerturbCommand.Run(arguments, error),
                "promote" => PromoteCommand.Run(arguments, output),
                "embed" => EmbedCommand.Run(arguments, error),
                "train-semantic" => TrainSemanticCommand.Run(arguments, output, error),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is MalformedDataException or InvalidDataException or InvalidOperationException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
