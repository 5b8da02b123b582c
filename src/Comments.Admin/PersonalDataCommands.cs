using System.CommandLine;
using System.Text;
using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.PersonalData;
using Comments.Core.Submissions;
using Comments.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Admin;

/// <summary>
/// <c>personal-data export|erase --email ADDRESS --site ID</c>: the same service as the admin API
/// (docs/import-export.md, "Personal data"). The CLI works on the store directly, so live readers are
/// not told of an erasure (their next page load shows it; the admin API tells them at once).
/// </summary>
public static class PersonalDataCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("personal-data", "Export or erase everything the site holds tied to an email (GDPR articles 15 and 17).");
        command.Subcommands.Add(Build("export", output, error));
        command.Subcommands.Add(Build("erase", output, error));
        return command;
    }

    private static Command Build(string verb, TextWriter output, TextWriter error)
    {
        var redis = new Option<string>("--redis") { Required = true, HelpName = "HOST:PORT" };
        var site = new Option<string>("--site") { Required = true, HelpName = "ID" };
        var email = new Option<string>("--email") { Required = true, HelpName = "ADDRESS" };
        var outFile = new Option<string>("--out") { HelpName = "FILE", Description = "Where the export goes (stdout by default)." };
        var text = new Option<string>("--text") { HelpName = "keep|delete", DefaultValueFactory = _ => "keep", Description = "The site's ErasedText: keep the text signed Anonymous, or delete it." };
        text.Validators.Add(r => { if (r.GetValueOrDefault<string>() is { } v && v is not ("keep" or "delete")) r.AddError($"--text is keep or delete, not '{v}'."); });
        var command = verb == "export"
            ? new Command("export", "Everything tied to the email as one JSON document (schema comments-personal-data v1).") { redis, site, email, outFile }
            : new Command("erase", "Anonymise everything tied to the email; safe to run again (a re-run finishes an interrupted one).") { redis, site, email, text };
        command.SetAction(parse => RunAsync(verb, parse.GetValue(redis)!, parse.GetValue(site)!, parse.GetValue(email)!,
            parse.GetValue(outFile), parse.GetValue(text) == "delete" ? ErasedTextPolicy.Delete : ErasedTextPolicy.Keep, output, error));
        return command;
    }

    private static async Task<int> RunAsync(string verb, string store, string site, string email, string? path, ErasedTextPolicy policy, TextWriter output, TextWriter error)
    {
        if (!Ids.IsSite(site)) throw new AdminUsageException("--site is a configured site id (lower-case letters, digits, '-', '_').");
        if (!TextChecks.IsEmail(email.Trim())) throw new AdminUsageException("--email is not an email address.");
        await using var redis = await AdminCommands.ConnectAsync(store);
        // The secret the service keys email digests with: Engagement__TokenSecret when the service has one, else the store's.
        var secret = new RedisServerSecret(redis, Options.Create(new ServerSecretOptions { TokenSecret = Environment.GetEnvironmentVariable("Engagement__TokenSecret") }),
            NullLogger<RedisServerSecret>.Instance);
        var digests = new StoreDigests(secret);
        var service = new PersonalDataService(new RedisPersonalDataIndex(redis, digests), PersonalDataSources.Create(redis), digests,
            new RedisModerationStore(redis), NoLiveReaders.Instance, TimeProvider.System);

        if (verb == "export")
        {
            var document = await service.ExportAsync(site, email);
            await using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
            var writer = (TextWriter?)file ?? output;
            await writer.WriteLineAsync(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            await writer.FlushAsync();
            error.WriteLine($"exported {Summary(document.Where(p => p.Value is System.Text.Json.Nodes.JsonArray).ToDictionary(p => p.Key, p => ((System.Text.Json.Nodes.JsonArray)p.Value!).Count))}");
            return 0;
        }
        var erased = await service.EraseAsync("comments-admin", site, email, policy);
        output.WriteLine($"erased {Summary(erased)}; text {(policy == ErasedTextPolicy.Delete ? "deleted" : "kept")}");
        return 0;
    }

    private static string Summary(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"));

    /// <summary>The CLI has no live readers to tell: the events of an erasure are dropped here.</summary>
    private sealed class NoLiveReaders : ICommentEventPublisher
    {
        public static readonly NoLiveReaders Instance = new();
        public void Publish(CommentEvent commentEvent) { }
    }
}
