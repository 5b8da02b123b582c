using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Xml;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Scoring;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Storage;
using Comments.Storage.Import;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Comments.Api.Import;

/// <summary>The <c>Import</c> section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest export file <c>POST …/import</c> takes, in bytes (default 1 GiB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1L << 30;
}

/// <summary>
/// <c>POST /api/moderation/sites/{site}/import?format=wxr|disqus[&amp;dryRun=true][&amp;score=true][&amp;keepPings=true]</c>,
/// admin keys only: the export file is the request body, read as it arrives by the importer the CLI uses
/// (<see cref="Importer"/>, constant memory), at the site's MaxDepth. Answers the import's report. A file
/// that stops parsing half-way leaves what was imported before (an import resumes: send the fixed file again).
/// </summary>
public static class ImportApi
{
    public static void MapImportEndpoints(this RouteGroupBuilder site) =>
        site.MapPost("/import", ImportAsync)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Import")
            .WithName("ImportComments")
            .WithSummary("Import a WordPress (WXR) or Disqus export sent as the body (application/xml); safe to send twice. Admin keys only.")
            .Accepts<Stream>("application/xml", "text/xml", "application/rss+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static readonly string[] XmlTypes = ["application/xml", "text/xml", "application/rss+xml"];

    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpContext http, string? format, string? dryRun, string? score, string? keepPings,
        RedisCommentStore store, RedisSiteArchive archive, StoreDigests digests, ICommentScorer scorer, IAuthorHistory history,
        IOptions<ImportOptions> options, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        Func<Stream, IEnumerable<SourceComment>>? read = format switch { "wxr" => WxrReader.Read, "disqus" => DisqusReader.Read, _ => null };
        if (read is null) return Problems.BadQuery("format", "format is wxr or disqus.");
        if (Flag(dryRun, "dryRun", out var isDryRun) is { } badDryRun) return badDryRun;
        if (Flag(score, "score", out var isScored) is { } badScore) return badScore;
        if (Flag(keepPings, "keepPings", out var isKeepingPings) is { } badKeepPings) return badKeepPings;
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (!XmlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "The body must be the export file, sent as application/xml.");
        var limit = options.Value.MaxFileBytes;
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        // The readers are XmlReaders over a synchronous stream (constant memory whatever the file's size);
        // an import is a rare admin request, so this one request may block its thread on the body.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;

        if (isScored && !scorer.Health.Ready)
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ImportModelUnavailable, "The model is not loaded: import without score, or later.");
        await digests.ReadyAsync(ct);
        var settings = new ImportSettings(site.Id, format!, site.MaxDepth, isKeepingPings, isDryRun);
        var importer = new Importer(isDryRun ? null : store, archive, digests, settings, TextWriter.Null,
            isScored && !isDryRun ? new ImportScoring(scorer, history, site) : null);
        try
        {
            await importer.RunAsync(read(http.Request.Body), ct);
        }
        catch (XmlException e)
        {
            var problem = Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.ImportBadFile,
                $"The file is not a readable {(format == "wxr" ? "WordPress (WXR)" : "Disqus")} export: line {e.LineNumber}, position {e.LinePosition}.");
            problem.ProblemDetails.Extensions["imported"] = importer.Report.Imported;
            return problem;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        return TypedResults.Ok(ImportResponse.Of(importer.Report, isDryRun));
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The file is larger than {limit} bytes (Import:MaxFileBytes).");

    /// <summary>A true/false query flag (absent is false); the problem when it is neither.</summary>
    private static ProblemHttpResult? Flag(string? value, string name, out bool flag)
    {
        flag = false;
        if (value is null) return null;
        if (bool.TryParse(value, out flag)) return null;
        return Problems.BadQuery(name, $"{name} is true or false.");
    }
}

/// <param name="Imported">Comments stored by this request (or that would be, in a dry run).</param>
/// <param name="AlreadyImported">Rows a previous import stored already (nothing written for them).</param>
/// <param name="Skipped">Rows not imported, each with its reason.</param>
/// <param name="Notes">Rows imported with a change (a missing parent, a reply moved up to the site's depth).</param>
/// <param name="Scored">With <c>score=true</c>: comments that kept their source state and those that changed, per change.</param>
public sealed record ImportResponse(
    bool DryRun, long Read, long Imported, long AlreadyImported, long Threads,
    IReadOnlyList<ImportRow> Skipped, IReadOnlyList<ImportRow> Notes, IReadOnlyDictionary<string, long>? Scored)
{
    public static ImportResponse Of(ImportReport report, bool dryRun) => new(dryRun, report.Read, report.Imported, report.AlreadyImported,
        report.Threads, report.Skipped.Select(s => new ImportRow(s.SourceId, s.Reason)).ToList(),
        report.Notes.Select(n => new ImportRow(n.SourceId, n.Note)).ToList(), report.Scored);
}

public sealed record ImportRow(string SourceId, string Reason);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImportResponse))]
internal sealed partial class ImportJson : JsonSerializerContext;

public static class ImportServiceExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ImportOptions>(configuration, ImportOptions.Section);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(ImportJson.Default));
        return services;
    }
}
