using System.Globalization;
using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Privacy;

namespace Comments.Api.Tests.Telemetry;

/// <summary>
/// A service of its own (no other test posts to it, so its counters move only with these tests),
/// logging JSON so that the decision line's fields can be read as the operator's log shipper would.
/// </summary>
public sealed class MetricsService() : ServiceFixture(StoreBackend.Garnet, new Dictionary<string, string>
{
    ["Logging__Console__FormatterName"] = "json",
});

/// <summary>
/// "See inside": the Prometheus scrape shows each submission counted by site, decision and reason
/// and the rules' time as a histogram; each decision is one structured log line without personal
/// data; the scrape is refused to anyone but this machine by default.
/// </summary>
public sealed class MetricsTests(MetricsService fixture) : IClassFixture<MetricsService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scrape_counts_published_and_held_comments_by_decision_and_reason_and_times_the_rules()
    {
        using var client = fixture.CreateClient();
        var before = await ScrapeAsync(client);
        var thread = TestSites.NewThread("metrics");

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(TestSites.Open, thread, TestApi.Reply($"open words {i}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("held words"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(TestSites.Open, thread, TestApi.Reply("open words 0"))).StatusCode);

        var after = await ScrapeAsync(client);
        double Delta(string name, params (string Key, string Value)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);

        Assert.Equal(2, Delta("comments_decisions_total", ("site", TestSites.Open), ("decision", "published"), ("reason", "none")));
        Assert.Equal(1, Delta("comments_decisions_total", ("site", TestSites.Premoderated), ("decision", "pending"), ("reason", "site.pre_moderation")));
        Assert.Equal(1, Delta("comments_decisions_total", ("site", TestSites.Open), ("decision", "refused"), ("reason", "comment.duplicate")));
        Assert.Equal(4, Delta("comments_decisions_total"));
        // The rules ran for the three stored comments (the duplicate was refused before them).
        Assert.Equal(3, Delta("comments_scoring_duration_seconds_count"));
        Assert.True(after.Sum("comments_scoring_duration_seconds_sum") > before.Sum("comments_scoring_duration_seconds_sum"));
        Assert.Equal(3, Delta("comments_scoring_duration_seconds_bucket", ("le", "+Inf")));
        // Its buckets are made for seconds (sub-millisecond to seconds), not the exporters' millisecond defaults.
        Assert.True(after.Has("comments_scoring_duration_seconds_bucket", ("le", "0.001")), "no millisecond bucket");
        // The store's round trips: lookups for all four (the duplicate is found by them), the save for the three stored.
        Assert.Equal(4, Delta("comments_store_duration_seconds_count", ("op", "lookups")));
        Assert.Equal(3, Delta("comments_store_duration_seconds_count", ("op", "save")));
        // The framework's and the event path's meters are there too.
        Assert.True(after.Has("http_server_request_duration_seconds_count"), "no ASP.NET Core request histogram");
        Assert.True(after.Has("kestrel_active_connections"), "no Kestrel meter");
        Assert.True(after.Has("comments_events_queued"), "no event queue gauge");
        Assert.True(after.Has("comments_events_dropped_total"), "no event drop counter");
    }

    [Fact]
    public async Task Each_decision_is_one_log_line_with_its_fields_and_no_email_ip_or_text()
    {
        var secrets = new Secrets();
        var thread = TestSites.NewThread("decision-log");
        var text = $"private words {Guid.NewGuid():N}";
        using var client = fixture.CreateClient();
        var response = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply(text, name: "Secret Name", email: secrets.Email), forwardedFor: secrets.Ip);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;

        // The line is written before the POST answers: it is there already.
        await fixture.Service.WaitForLineAsync(l => l.Contains(thread, StringComparison.Ordinal) && l.Contains("\"EventId\":1100,", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var lines = fixture.Service.Output.Split('\n')
            .Where(l => l.Contains(thread, StringComparison.Ordinal) && l.Contains("\"EventId\":1100,", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        var state = json.RootElement.GetProperty("State");
        Assert.Equal(id, state.GetProperty("CommentId").GetString());
        Assert.Equal(TestSites.Premoderated, state.GetProperty("Site").GetString());
        Assert.Equal(thread, state.GetProperty("ThreadId").GetString());
        Assert.Equal("pending", state.GetProperty("Decision").GetString());
        Assert.Equal("site.pre_moderation", state.GetProperty("Reasons").GetString());
        Assert.False(string.IsNullOrEmpty(state.GetProperty("ModelVersion").GetString()));
        Assert.True(Number(state.GetProperty("TotalMs")) > 0);
        Assert.True(Number(state.GetProperty("RulesMs")) >= 0);

        secrets.AssertNotIn("the decision log line", line);
        secrets.AssertNotIn("the service's log", fixture.Service.Output);
        Assert.DoesNotContain(text, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Name", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scrape_counts_the_open_reader_connections()
    {
        using var client = fixture.CreateClient();
        var before = (await ScrapeAsync(client)).Sum("comments_hub_connections", ("hub", "CommentsHub"));
        await using var reader = await Realtime.LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        // The hub answers a call only once its OnConnectedAsync (and the filter counting it) has run.
        await reader.JoinAsync(TestSites.Open, TestSites.NewThread("metrics-hub"));

        var after = (await ScrapeAsync(client)).Sum("comments_hub_connections", ("hub", "CommentsHub"));
        Assert.Equal(before + 1, after);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/metrics/")]
    [InlineData("/METRICS")]
    public async Task The_scrape_is_refused_to_a_client_that_is_not_on_this_machine(string path)
    {
        using var client = fixture.CreateClient();
        // Through the (trusted, loopback) proxy, for a client elsewhere.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var refused = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync();
        Assert.Equal("metrics.forbidden", problem.GetProperty("code").GetString());
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("comments_decisions_total", problem.GetRawText(), StringComparison.Ordinal);

        using var local = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDouble()
        : double.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static async Task<Scrape> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Scrape.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}
