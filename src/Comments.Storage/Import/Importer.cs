using System.Diagnostics;
using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Core.Text;

namespace Comments.Storage.Import;

public sealed record ImportSettings(string Site, string Source, int MaxDepth, bool KeepPings, bool DryRun);

/// <summary>What an import did, or would do (a dry run): every skipped row is listed with its reason.</summary>
public sealed class ImportReport
{
    public long Read { get; set; }
    public long Imported { get; set; }
    public long AlreadyImported { get; set; }
    public long Threads { get; set; }
    public List<(string SourceId, string Reason)> Skipped { get; } = [];
    /// <summary>Rows imported with a change (a parent not found, a reply moved up to the site's depth).</summary>
    public List<(string SourceId, string Note)> Notes { get; } = [];
    /// <summary>With <c>--score</c>: how many comments kept their source state and how many changed, per change.</summary>
    public IReadOnlyDictionary<string, long>? Scored { get; set; }
}

/// <summary>
/// Writes comments read from an export file straight to the store, in batches of 1,000: while the previous batch
/// is written, one HMGET of the import map for the batch's rows and the HTML of those not imported yet rendered on
/// every core; then one HMGET for parents in earlier batches and the sequence numbers in one round trip, then one transaction per 500 comments, conditional on none of their source rows being in the map yet,
/// that writes the comments, their indexes and their map entries together (all or none; when one row was
/// imported meanwhile, each is saved on its own). A second run, or a run after an interruption, writes only what is missing. Nothing is
/// published, mailed or scored: those happen in the service's pipeline, which an import never enters
/// (<c>--score</c> runs the service's scorer and text rules on each comment: <see cref="ImportScoring"/>).
/// <para>
/// The map keeps, per source row, "our id, depth, parent of its replies": a reply to a comment at the
/// site's deepest depth is attached to that comment's parent (the deepest allowed ancestor), so the map
/// is all an import needs to remember (memory stays flat however big the file).
/// </para>
/// </summary>
public sealed class Importer(RedisCommentStore? store, RedisSiteArchive? archive, StoreDigests? digests, ImportSettings settings, TextWriter progress,
    ImportScoring? scoring = null)
{
    private const int BatchSize = 1000;
    private const int TxSize = 500;
    private readonly CommentRenderer _renderer = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<string> _threads = new(StringComparer.Ordinal);
    private long _nextProgress = 10_000;

    public ImportReport Report { get; } = new();

    public async Task RunAsync(IEnumerable<SourceComment> rows, CancellationToken ct = default)
    {
        // While one batch is being written, the next is read, looked up and its HTML rendered: the store's round trips
        // overlap the parser and the sanitizer. One batch is written at a time, so a batch's parents are found.
        var batch = new List<SourceComment>(BatchSize);
        var writing = Task.CompletedTask;
        try
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                Report.Read++;
                if (SkipReason(row) is { } reason) { Report.Skipped.Add((row.SourceId, reason)); continue; }
                if (_threads.Add(row.Thread.ThreadId)) Report.Threads++;
                batch.Add(row);
                if (batch.Count < BatchSize) continue;
                var prepared = await PrepareAsync(batch);
                await writing;
                writing = WriteAsync(prepared);
                batch = new List<SourceComment>(BatchSize);
            }
        }
        catch
        {
            // A file that stops parsing: the batch in flight finishes (or fails) first, so the report counts it.
            await writing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        await writing;
        await WriteAsync(await PrepareAsync(batch));
        progress.WriteLine(Line(final: true));
    }

    /// <summary>A batch with the import map's entries of its own rows (those already imported) and the HTML of the others.</summary>
    private sealed record Prepared(List<SourceComment> Rows, Dictionary<string, MapEntry> Known, string?[] Html);

    /// <summary>
    /// Looks the batch's rows up in the import map, then renders the HTML of those not imported yet (on every core: the
    /// sanitizer is most of an import's CPU), while the previous batch is written. A second run of a file renders nothing.
    /// A row imported between this lookup and the batch's transaction (another import of the same file) is caught by the
    /// transaction's conditions. Nothing is looked up or rendered in a dry run.
    /// </summary>
    private async Task<Prepared> PrepareAsync(List<SourceComment> batch)
    {
        var known = new Dictionary<string, MapEntry>(StringComparer.Ordinal);
        var html = new string?[batch.Count];
        if (batch.Count == 0 || settings.DryRun || archive is null) return new Prepared(batch, known, html);
        var ids = batch.Select(r => r.SourceId).Distinct().ToList();
        await LookUpAsync(ids, known);
        Parallel.For(0, batch.Count, i =>
        {
            if (!known.ContainsKey(batch[i].SourceId)) html[i] = _renderer.RenderImportedHtml(batch[i].Content);
        });
        return new Prepared(batch, known, html);
    }

    private async Task LookUpAsync(List<string> sourceIds, Dictionary<string, MapEntry> known)
    {
        var found = await archive!.ImportedAsync(settings.Site, settings.Source, sourceIds);
        for (var i = 0; i < sourceIds.Count; i++)
            if (found[i] is { } value) known[sourceIds[i]] = MapEntry.Parse(value);
    }

    private async Task WriteAsync(Prepared prepared)
    {
        var (batch, known, html) = prepared;
        if (batch.Count == 0) return;
        if (settings.DryRun || store is null || archive is null || digests is null)
        {
            Report.Imported += batch.Count;
            Progress();
            return;
        }

        var fresh = Enumerable.Range(0, batch.Count).Where(i => !known.ContainsKey(batch[i].SourceId)).Select(i => (Row: batch[i], Html: html[i]!)).ToList();
        Report.AlreadyImported += batch.Count - fresh.Count;
        if (fresh.Count == 0)
        {
            Progress();
            return;
        }
        // The parents in earlier batches, read now that those are written; the sequence numbers in the same round trip.
        var inBatch = fresh.Select(f => f.Row.SourceId).ToHashSet(StringComparer.Ordinal);
        var parents = fresh.Select(f => f.Row.ParentId).OfType<string>().Where(p => !known.ContainsKey(p) && !inBatch.Contains(p)).Distinct().ToList();
        var sequences = store.NextSequencesAsync(settings.Site, fresh.Count);
        if (parents.Count > 0) await LookUpAsync(parents, known);
        var seqs = await sequences;

        var writes = new NewCommentWrite[fresh.Count];
        for (var i = 0; i < fresh.Count; i++)
        {
            var (row, rowHtml) = fresh[i];
            var (parentId, depth) = Place(row, known);
            var id = seqs[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = known[row.SourceId] = new MapEntry(id, depth, depth < settings.MaxDepth ? id : parentId);
            writes[i] = Write(row, rowHtml, seqs[i], parentId, depth, entry);
        }
        if (scoring is not null)
        {
            for (var i = 0; i < writes.Length; i++)
                writes[i] = writes[i] with { Comment = await scoring.ScoreAsync(writes[i].Comment, writes[i].AuthorDigest) };
            Report.Scored = scoring.Outcomes;
        }
        var saves = writes.Chunk(TxSize).Select(chunk => store.SaveImportedAsync(chunk));
        foreach (var outcome in (await Task.WhenAll(saves)).SelectMany(o => o))
        {
            if (outcome.Status == SaveStatus.Saved) Report.Imported++;
            else Report.AlreadyImported++;
        }
        Progress();
    }

    private string? SkipReason(SourceComment row)
    {
        if (!Ids.IsComment(row.SourceId)) return $"the comment id '{row.SourceId}' is not a number";
        if (row.Status is null) return $"state '{row.RawStatus}' has no status here";
        if (row.Type is "pingback" or "trackback" && !settings.KeepPings) return $"a {row.Type} (--keep-pings imports them)";
        if (row.Content.Length == 0) return "no text";
        return null;
    }

    private (string? ParentId, int Depth) Place(SourceComment row, Dictionary<string, MapEntry> known)
    {
        if (row.ParentId is null) return (null, 0);
        if (!known.TryGetValue(row.ParentId, out var parent))
        {
            Report.Notes.Add((row.SourceId, $"parent {row.ParentId} is not imported: kept at top level"));
            return (null, 0);
        }
        if (parent.Depth >= settings.MaxDepth)
            Report.Notes.Add((row.SourceId, $"deeper than {settings.MaxDepth}: attached to the deepest allowed ancestor"));
        return parent.RepliesTo is null ? (null, 0) : (parent.RepliesTo, Math.Min(parent.Depth + 1, settings.MaxDepth));
    }

    private NewCommentWrite Write(SourceComment row, string html, long seq, string? parentId, int depth, MapEntry entry)
    {
        var id = entry.Id;
        var email = string.IsNullOrWhiteSpace(row.Email) ? null : row.Email;
        var comment = new Comment
        {
            Id = id,
            Seq = seq,
            Site = settings.Site,
            ThreadId = row.Thread.ThreadId,
            ParentId = parentId,
            Depth = depth,
            Text = row.Content,
            Html = html,
            AuthorName = row.AuthorName.Length > 0 ? row.AuthorName : "Anonymous",
            AuthorEmail = email,
            AuthorUrl = row.Url,
            Ip = row.Ip ?? AddressKeys.Unknown,
            Status = row.Status!.Value,
            CreatedAt = row.CreatedAt,
            Reasons = [new CommentReason("import." + settings.Source, $"imported from {settings.Source} row {row.SourceId}")],
        };
        var textDigest = AuthorKeys.TextDigest(TextNormalizer.Normalize(row.Content));
        return new NewCommentWrite(comment, textDigest, row.Thread.Title, row.Thread.Url, null,
            email is null ? null : digests!.Email(email),
            new ImportOrigin(settings.Source, row.SourceId, entry.ToString(), row.Thread.PublishedAt));
    }

    private void Progress()
    {
        if (Report.Read < _nextProgress) return;
        _nextProgress = Report.Read + 10_000;
        progress.WriteLine(Line(final: false));
    }

    private string Line(bool final)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var verb = settings.DryRun ? "would import" : "imported";
        return $"{(final ? "done: " : "")}read {Report.Read}, {verb} {Report.Imported}, already imported {Report.AlreadyImported}, " +
               $"skipped {Report.Skipped.Count}, threads {Report.Threads}, {Report.Read / seconds:F0} rows/s, {seconds:F1} s";
    }

    /// <summary>The import map's value for a row: "id depth repliesTo" (repliesTo "-" at top level).</summary>
    private sealed record MapEntry(string Id, int Depth, string? RepliesTo)
    {
        public override string ToString() => $"{Id} {Depth} {RepliesTo ?? "-"}";

        public static MapEntry Parse(string value)
        {
            var parts = value.Split(' ');
            return new MapEntry(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2] == "-" ? null : parts[2]);
        }
    }
}
