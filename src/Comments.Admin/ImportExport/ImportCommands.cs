using Comments.Storage.Import;
using System.CommandLine;
using Comments.Core.Comments;
using Comments.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Admin.ImportExport;

/// <summary><c>import wxr|disqus FILE --site ID</c> and <c>export --site ID</c> (docs/import-export.md).</summary>
public static class ImportCommands
{
    public static Command Import(TextWriter output, TextWriter error)
    {
        var import = new Command("import", "Import comments from another system's export file.");
        import.Subcommands.Add(Source("wxr", "A WordPress export (Tools → Export, WXR).", WxrReader.Read, output, error));
        import.Subcommands.Add(Source("disqus", "A Disqus XML export.", DisqusReader.Read, output, error));
        return import;
    }

    public static Command Export(TextWriter output, TextWriter error)
    {
        var redis = new Option<string>("--redis") { Required = true, HelpName = "HOST:PORT" };
        var site = new Option<string>("--site") { Required = true, HelpName = "ID" };
        var thread = new Option<string>("--thread") { HelpName = "ID", Description = "One thread only." };
        var format = new Option<string>("--format") { Required = true, HelpName = "jsonl|wxr" };
        format.Validators.Add(r => { if (r.GetValueOrDefault<string>() is { } v && v is not ("jsonl" or "wxr")) r.AddError($"--format is jsonl or wxr, not '{v}'."); });
        var outFile = new Option<string>("--out") { HelpName = "FILE" };
        var command = new Command("export", "A site or one thread as JSON lines or WXR (stdout by default).") { redis, site, thread, format, outFile };
        command.SetAction(parse => ExportAsync(parse.GetValue(redis)!, parse.GetValue(site)!, parse.GetValue(thread), parse.GetValue(format)!, parse.GetValue(outFile), output, error));
        return command;
    }

    private static async Task<int> ExportAsync(string store, string site, string? thread, string format, string? path, TextWriter output, TextWriter error)
    {
        if (!Ids.IsSite(site)) throw new AdminUsageException("--site is a configured site id (lower-case letters, digits, '-', '_').");
        if (thread is not null && !Ids.IsThread(thread)) throw new AdminUsageException("--thread is 1–128 letters, digits, '-', '_', '.', ':' or '~'.");
        await using var redis = await AdminCommands.ConnectAsync(store);
        var comments = new RedisCommentStore(redis);
        var archive = new RedisSiteArchive(redis);
        var threads = thread is null ? archive.ThreadIdsAsync(site) : One(thread);
        await using var file = path is null ? null : new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        var writer = (TextWriter?)file ?? output;
        var (threadCount, commentCount) = format == "wxr"
            ? await Exporter.WxrAsync(comments, archive, site, threads, writer)
            : await Exporter.JsonLinesAsync(comments, archive, site, threads, writer);
        await writer.FlushAsync();
        error.WriteLine($"exported {commentCount} comments in {threadCount} threads of {site}");
        return 0;
    }

    private static async IAsyncEnumerable<string> One(string thread)
    {
        await Task.CompletedTask;
        yield return thread;
    }

    private static Command Source(string source, string description, Func<Stream, IEnumerable<SourceComment>> read, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file");
        var redis = new Option<string>("--redis") { HelpName = "HOST:PORT", Description = "The store (not needed with --dry-run)." };
        var site = new Option<string>("--site") { Required = true, HelpName = "ID" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read the file and report what would be imported and every row that would be skipped." };
        var keepPings = new Option<bool>("--keep-pings") { Description = "Import pingbacks and trackbacks too." };
        var maxDepth = new Option<int>("--max-depth") { DefaultValueFactory = _ => 5, Description = "The site's MaxDepth: deeper replies attach to the deepest allowed ancestor." };
        var threadMap = new Option<FileInfo>("--thread-map") { HelpName = "FILE", Description = "A CSV of permalink,thread lines overriding the thread ids made from permalinks." };
        var score = new Option<bool>("--score") { Description = "Score each comment with the service's model and text rules: what they would hold or call spam is held (or, when pending, spam)." };
        var models = new Option<string>("--models") { HelpName = "DIR", DefaultValueFactory = _ => "models", Description = "The model folder for --score (as Scoring:ModelDirectory)." };
        var command = new Command(source, description) { file, redis, site, dryRun, keepPings, maxDepth, threadMap, score, models };
        command.SetAction(parse => RunAsync(Mapped(read, parse.GetValue(threadMap)), parse.GetValue(file)!, parse.GetValue(redis),
            new ImportSettings(parse.GetValue(site)!, source, parse.GetValue(maxDepth), parse.GetValue(keepPings), parse.GetValue(dryRun)),
            parse.GetValue(score) ? parse.GetValue(models) : null, output, error));
        return command;
    }

    /// <summary>The reader, with the thread ids of <c>--thread-map</c> when given (read now, so a bad file stops before the import).</summary>
    private static Func<Stream, IEnumerable<SourceComment>> Mapped(Func<Stream, IEnumerable<SourceComment>> read, FileInfo? file)
    {
        if (file is null) return read;
        if (!file.Exists) throw new AdminUsageException($"No --thread-map file at {file.FullName}.");
        var map = ThreadMap.Read(file.FullName);
        return stream => map.Apply(read(stream));
    }

    private static async Task<int> RunAsync(Func<Stream, IEnumerable<SourceComment>> read, FileInfo file, string? store, ImportSettings settings,
        string? scoreWith, TextWriter output, TextWriter error)
    {
        if (!Ids.IsSite(settings.Site)) throw new AdminUsageException("--site is a configured site id (lower-case letters, digits, '-', '_').");
        if (settings.MaxDepth is < 0 or > 100) throw new AdminUsageException("--max-depth is 0 to 100.");
        if (!file.Exists) throw new AdminUsageException($"No file at {file.FullName}.");
        if (store is null && !settings.DryRun) throw new AdminUsageException("--redis is required (or --dry-run).");
        if (scoreWith is not null && settings.DryRun) throw new AdminUsageException("--score needs the store (the author's history): not with --dry-run.");
        using var scorer = scoreWith is null ? null : ImportScorer.Open(scoreWith);

        await using var redis = settings.DryRun ? null : await AdminCommands.ConnectAsync(store!);
        Importer importer;
        if (redis is null) importer = new Importer(null, null, null, settings, error);
        else
        {
            // The secret the service keys email digests with: Engagement__TokenSecret when the service has one, else the store's.
            var secret = new RedisServerSecret(redis, Options.Create(new ServerSecretOptions { TokenSecret = Environment.GetEnvironmentVariable("Engagement__TokenSecret") }),
                NullLogger<RedisServerSecret>.Instance);
            var digests = new StoreDigests(secret);
            await digests.ReadyAsync();
            var scoring = scorer is null ? null : new ImportScoring(scorer, new RedisAuthorHistory(redis, TimeProvider.System));
            importer = new Importer(new RedisCommentStore(redis), new RedisSiteArchive(redis), digests, settings, error, scoring);
        }

        await using (var stream = file.OpenRead()) await importer.RunAsync(read(stream));

        var report = importer.Report;
        foreach (var (id, reason) in report.Skipped) output.WriteLine($"skipped {id}: {reason}");
        foreach (var (id, note) in report.Notes) output.WriteLine($"note {id}: {note}");
        foreach (var (outcome, count) in report.Scored ?? new Dictionary<string, long>()) output.WriteLine($"scored: {outcome} {count}");
        output.WriteLine($"{(settings.DryRun ? "would import" : "imported")} {report.Imported}, already imported {report.AlreadyImported}, " +
                         $"skipped {report.Skipped.Count}, threads {report.Threads}, rows read {report.Read}");
        return 0;
    }
}
