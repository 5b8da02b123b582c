using System.CommandLine;
using System.Text;
using System.Text.Json;
using Comments.Core;
using Comments.Core.Moderation;
using Comments.Storage;
using StackExchange.Redis;

namespace Comments.Admin;

public static class AdminCommands
{
    public const string Usage = """
        comments-admin <command> [options]

          hash-key <key>
              Print the SHA-256 digest of a key, for Moderation__Moderators__N__KeyHash.
          add-moderator --redis HOST:PORT --name NAME (--site ID ... | --role admin)
              Create a key, store only its digest, print the key once.
          remove-moderator --redis HOST:PORT --key-hash HEX
          export-labels --redis HOST:PORT --site ID --task spam|toxicity [--out FILE]
              Moderator decisions as JSONL in the shape of the training corpora (stdout by default).
          rename-thread-keys --redis HOST:PORT --site ID
              Move a store written before issue 10 to today's thread index key names (safe to run twice).
          import wxr|disqus FILE --site ID [--redis HOST:PORT] [--dry-run] [--keep-pings] [--max-depth N] [--thread-map FILE]
                 [--score [--models DIR]]
              Import a WordPress or Disqus export (docs/import-export.md); safe to run twice, resumes after an interruption.
              --score runs the service's model and text rules: what they would hold or call spam is held (pending: spam).
          export --redis HOST:PORT --site ID [--thread ID] --format jsonl|wxr [--out FILE]
              A site or one thread as JSON lines (schema comments-export v1) or WXR (stdout by default).
          personal-data export --redis HOST:PORT --site ID --email ADDRESS [--out FILE]
          personal-data erase --redis HOST:PORT --site ID --email ADDRESS [--text keep|delete]
              Everything tied to an email as JSON (schema comments-personal-data v1), or anonymise it (idempotent).
        """;

    private static readonly JsonSerializerOptions Jsonl = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Commands(output, error).Parse(args);
        if (parse.Errors.Count > 0) return UsageError(error, parse.Errors.Select(e => e.Message));
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (AdminUsageException e)
        {
            return UsageError(error, [e.Message]);
        }
        catch (RedisConnectionException e)
        {
            error.WriteLine($"Cannot reach the store: {e.Message}");
            return 3;
        }
    }

    private static int UsageError(TextWriter error, IEnumerable<string> messages)
    {
        foreach (var message in messages) error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }

    private static RootCommand Commands(TextWriter output, TextWriter error)
    {
        var redis = new Option<string>("--redis") { Required = true, HelpName = "HOST:PORT", Description = "The store (a Redis configuration string)." };
        var key = new Argument<string>("key");
        var hashKey = new Command("hash-key", "Print the SHA-256 digest of a key.") { key };
        hashKey.SetAction(parse => { output.WriteLine(ModeratorKey.Digest(parse.GetValue(key)!)); return 0; });

        var name = new Option<string>("--name") { Required = true };
        var sites = new Option<string[]>("--site") { Description = "A site the moderator moderates (repeat for more)." };
        var role = OneOf(new Option<string>("--role"), "moderator", "admin");
        var addModerator = new Command("add-moderator", "Create a key, store only its digest, print the key once.") { redis, name, sites, role };
        addModerator.SetAction(parse => AddModeratorAsync(parse.GetValue(redis)!, parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(sites) ?? [], output));

        var keyHash = new Option<string>("--key-hash") { Required = true, HelpName = "HEX" };
        var removeModerator = new Command("remove-moderator") { redis, keyHash };
        removeModerator.SetAction(parse => RemoveModeratorAsync(parse.GetValue(redis)!, parse.GetValue(keyHash)!, output, error));

        var site = new Option<string>("--site") { Required = true, HelpName = "ID" };
        var task = OneOf(new Option<string>("--task") { Required = true }, "spam", "toxicity");
        var outFile = new Option<string>("--out") { HelpName = "FILE" };
        var exportLabels = new Command("export-labels", "Moderator decisions as JSONL in the shape of the training corpora (stdout by default).") { redis, site, task, outFile };
        exportLabels.SetAction(parse => ExportLabelsAsync(parse.GetValue(redis)!, parse.GetValue(site)!, parse.GetValue(task)!, parse.GetValue(outFile), output, error));

        var renameThreadKeys = new Command("rename-thread-keys", "Move a store written before issue 10 to today's thread index key names.") { redis, site };
        renameThreadKeys.SetAction(parse => RenameThreadKeysAsync(parse.GetValue(redis)!, parse.GetValue(site)!, output));

        var root = new RootCommand("Operator commands that work on the store directly.") 
        {
            hashKey, addModerator, removeModerator, exportLabels, renameThreadKeys,
            ImportExport.ImportCommands.Import(output, error), ImportExport.ImportCommands.Export(output, error),
            PersonalDataCommands.Create(output, error),
        };
        root.SetAction(_ => UsageError(error, []));
        return root;
    }

    /// <summary>Accepts only <paramref name="values"/>, with an error that names the option (exit 2).</summary>
    private static Option<string> OneOf(Option<string> option, params string[] values)
    {
        option.HelpName = string.Join('|', values);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !values.Contains(value))
                result.AddError($"{option.Name} is {string.Join(" or ", values)}, not '{value}'.");
        });
        return option;
    }

    private static async Task<int> RenameThreadKeysAsync(string store, string site, TextWriter output)
    {
        if (!Core.Comments.Ids.IsSite(site)) throw new AdminUsageException("--site is a configured site id (lower-case letters, digits, '-', '_').");
        await using var redis = await ConnectAsync(store);
        var (moved, skipped) = await ThreadKeyRename.RunAsync(redis, site);
        output.WriteLine($"moved {moved} thread index keys; {skipped} left where they were because the new name was taken");
        return 0;
    }

    private static async Task<int> AddModeratorAsync(string store, string name, string? roleName, string[] sites, TextWriter output)
    {
        var role = roleName == "admin" ? ModeratorRole.Admin : ModeratorRole.Moderator;
        if (role == ModeratorRole.Moderator && sites.Length == 0) throw new AdminUsageException("A moderator needs at least one --site.");

        await using var redis = await ConnectAsync(store);
        var key = ModeratorKey.New();
        await new RedisModeratorKeyStore(redis).AddAsync(ModeratorKey.Digest(key), new Moderator(name, role, sites));
        output.WriteLine(key);
        return 0;
    }

    private static async Task<int> RemoveModeratorAsync(string store, string digest, TextWriter output, TextWriter error)
    {
        await using var redis = await ConnectAsync(store);
        if (await new RedisModeratorKeyStore(redis).RemoveAsync(digest))
        {
            output.WriteLine("removed");
            return 0;
        }
        error.WriteLine("No moderator has that key hash in the store.");
        return 1;
    }

    private static async Task<int> ExportLabelsAsync(string store, string site, string taskName, string? path, TextWriter output, TextWriter error)
    {
        var task = taskName == "toxicity" ? LabelTask.Toxicity : LabelTask.Spam;
        await using var redis = await ConnectAsync(store);
        var labels = await new RedisModerationStore(redis).LabelsAsync(site);

        await using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
        var writer = (TextWriter?)file ?? output;
        var count = 0;
        foreach (var line in LabelExport.Lines(site, labels, task))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, Jsonl));
            count++;
        }
        error.WriteLine($"{count} {task.ToLowerName()} labels from {labels.Count} decisions on {site}");
        return 0;
    }

    internal static async Task<ConnectionMultiplexer> ConnectAsync(string store)
    {
        var config = ConfigurationOptions.Parse(store);
        config.AbortOnConnectFail = true;
        config.ClientName = "comments-admin";
        return await ConnectionMultiplexer.ConnectAsync(config);
    }
}

/// <summary>A command line that parses but cannot run (the message says what to change): exit 2.</summary>
public sealed class AdminUsageException(string message) : Exception(message);
