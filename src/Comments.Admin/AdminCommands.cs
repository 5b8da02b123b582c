using System.Text;
using System.Text.Json;
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
        """;

    private static readonly JsonSerializerOptions Jsonl = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var options = new AdminArgs(args.Skip(1));
            switch (args.FirstOrDefault())
            {
                case "hash-key":
                    output.WriteLine(ModeratorKey.Digest(options.Positional.SingleOrDefault() ?? throw new AdminUsageException("hash-key takes the key.")));
                    return 0;
                case "add-moderator":
                    return await AddModeratorAsync(options, output);
                case "remove-moderator":
                    return await RemoveModeratorAsync(options, output, error);
                case "export-labels":
                    return await ExportLabelsAsync(options, output, error);
                case "rename-thread-keys":
                    return await RenameThreadKeysAsync(options, output);
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (AdminUsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(Usage);
            return 2;
        }
        catch (RedisConnectionException e)
        {
            error.WriteLine($"Cannot reach the store: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RenameThreadKeysAsync(AdminArgs options, TextWriter output)
    {
        var site = options.Required("site");
        if (!Core.Comments.Ids.IsSite(site)) throw new AdminUsageException("--site is a configured site id (lower-case letters, digits, '-', '_').");
        await using var redis = await ConnectAsync(options);
        var (moved, skipped) = await ThreadKeyRename.RunAsync(redis, site);
        output.WriteLine($"moved {moved} thread index keys; {skipped} left where they were because the new name was taken");
        return 0;
    }

    private static async Task<int> AddModeratorAsync(AdminArgs options, TextWriter output)
    {
        var name = options.Required("name");
        var role = options.One("role") switch
        {
            null or "moderator" => ModeratorRole.Moderator,
            "admin" => ModeratorRole.Admin,
            var other => throw new AdminUsageException($"--role is moderator or admin, not '{other}'."),
        };
        var sites = options.All("site");
        if (role == ModeratorRole.Moderator && sites.Count == 0) throw new AdminUsageException("A moderator needs at least one --site.");

        await using var redis = await ConnectAsync(options);
        var key = ModeratorKey.New();
        await new RedisModeratorKeyStore(redis).AddAsync(ModeratorKey.Digest(key), new Moderator(name, role, sites.ToArray()));
        output.WriteLine(key);
        return 0;
    }

    private static async Task<int> RemoveModeratorAsync(AdminArgs options, TextWriter output, TextWriter error)
    {
        var digest = options.Required("key-hash");
        await using var redis = await ConnectAsync(options);
        if (await new RedisModeratorKeyStore(redis).RemoveAsync(digest))
        {
            output.WriteLine("removed");
            return 0;
        }
        error.WriteLine("No moderator has that key hash in the store.");
        return 1;
    }

    private static async Task<int> ExportLabelsAsync(AdminArgs options, TextWriter output, TextWriter error)
    {
        var site = options.Required("site");
        var task = options.Required("task") switch
        {
            "spam" => LabelTask.Spam,
            "toxicity" => LabelTask.Toxicity,
            var other => throw new AdminUsageException($"--task is spam or toxicity, not '{other}'."),
        };
        await using var redis = await ConnectAsync(options);
        var labels = await new RedisModerationStore(redis).LabelsAsync(site);

        var path = options.One("out");
        await using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
        var writer = (TextWriter?)file ?? output;
        var count = 0;
        foreach (var line in LabelExport.Lines(site, labels, task))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, Jsonl));
            count++;
        }
        error.WriteLine($"{count} {task.ToString().ToLowerInvariant()} labels from {labels.Count} decisions on {site}");
        return 0;
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(AdminArgs options)
    {
        var config = ConfigurationOptions.Parse(options.Required("redis"));
        config.AbortOnConnectFail = true;
        config.ClientName = "comments-admin";
        return await ConnectionMultiplexer.ConnectAsync(config);
    }
}
