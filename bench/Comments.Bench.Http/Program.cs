using System.Net;
using System.Text;
using Comments.Bench.Http;

// Ingest and read benchmark: the service on embedded Garnet and on redis-server next to a bare
// Kestrel echo endpoint, all in the same run on the same machine. Loopback only, bounded in time.
if (args is ["echo", "--port", var echoPort, ..])
{
    EchoServer.Run(int.Parse(echoPort), args is [_, _, _, "--static", var file] ? file : null);
    return 0;
}

if (args is ["costs", ..])
{
    PipelineCosts.Run(args.Length > 1 ? args[1] : "models");
    return 0;
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/Comments.Bench.Http -- [--seconds 10] [--workers 32] [--warmup 2] [--redis 127.0.0.1:6379]
          --seconds  length of each phase (default 10)
          --workers  concurrent connections of the closed-loop (peak) phases (default 32)
          --warmup   seconds of unmeasured POSTs before each target's phases (default 2)
          --redis    also measure the service against this redis-server (FLUSHes nothing; uses its own site)
          --api      path of Comments.Api.dll (default: the Release build in src/Comments.Api/bin)
        or: ... -- costs [models]   time the in-process steps of a POST one by one
        """);
    return 2;
}

Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, phases of {options.Seconds} s, {options.Workers} workers");
var results = new List<(string Target, LoadResult Post, LoadResult HalfPost, LoadResult Read, double Rss, double CpuSeconds)>();

await using (var echo = await ChildProcess.StartAsync(typeof(EchoServer).Assembly.Location,
                 ["echo", "--port", options.EchoPort.ToString()], new Dictionary<string, string>()))
{
    var target = new Uri($"http://127.0.0.1:{options.EchoPort}");
    results.Add(await MeasureAsync("echo (bare Kestrel)", echo, target, "/echo", "/echo", options));
}

foreach (var (name, redis) in options.Backends())
{
    var dataDir = Directory.CreateTempSubdirectory("comments-bench-").FullName;
    var port = options.ApiPort;
    var env = new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ConnectionStrings__Redis"] = redis ?? "",
        ["Storage__DataDir"] = dataDir,
        ["RateLimits__PostsPerMinute"] = "100000000",
        ["RateLimits__ReadsPerMinute"] = "100000000",
        ["Limits__MaxConnectionsPerAddress"] = "1000000",
        ["Sites__bench__FloodIntervalSeconds"] = "0",
        ["Sites__bench__AllowedOrigins__0"] = "http://localhost:*",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };
    await using (var api = await ChildProcess.StartAsync(options.ApiDll, [], env))
    {
        var target = new Uri($"http://127.0.0.1:{port}");
        var run = Guid.NewGuid().ToString("N")[..8];
        var readThread = $"read-{run}";
        await SeedAsync(target, readThread, 100);
        results.Add(await MeasureAsync($"service on {name}", api, target,
            "/api/sites/bench/threads/{thread}/comments", $"/api/sites/bench/threads/{readThread}/comments?limit=100", options, run));
    }
    Directory.Delete(dataDir, recursive: true);
}

Console.WriteLine();
Console.WriteLine("| target | POST peak req/s | POST p50 / p99 at peak (ms) | POST at half peak: p50 / p99 (ms) | GET peak req/s | GET p50 / p99 (ms) | server RSS (MiB) | server CPU (s) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var r in results)
    Console.WriteLine($"| {r.Target} | {r.Post.RequestsPerSecond:0} | {r.Post.P50Ms:0.00} / {r.Post.P99Ms:0.00} | {r.HalfPost.P50Ms:0.00} / {r.HalfPost.P99Ms:0.00} | {r.Read.RequestsPerSecond:0} | {r.Read.P50Ms:0.00} / {r.Read.P99Ms:0.00} | {r.Rss:0} | {r.CpuSeconds:0.0} |");
var baseline = results[0];
Console.WriteLine();
foreach (var r in results.Skip(1))
    Console.WriteLine($"{r.Target}: ingest {r.Post.RequestsPerSecond / baseline.Post.RequestsPerSecond:P0} of echo POST, reads {r.Read.RequestsPerSecond / baseline.Read.RequestsPerSecond:P0} of echo GET, errors {r.Post.Errors + r.HalfPost.Errors + r.Read.Errors}");
return 0;

static async Task<(string, LoadResult, LoadResult, LoadResult, double, double)> MeasureAsync(
    string name, ChildProcess server, Uri target, string postPath, string readPath, BenchOptions options, string run = "")
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Workers * 4, UseCookies = false })
    {
        BaseAddress = target,
        Timeout = TimeSpan.FromSeconds(30),
    };
    var duration = TimeSpan.FromSeconds(options.Seconds);
    async Task<bool> Post(int _)
    {
        var i = Interlocked.Increment(ref PostCounter.Value);
        // Unique text per request (the same text twice in one thread is a duplicate), spread over 100 threads.
        // An ordinary reply (the model publishes it), made unique by its last words.
        var body = $$"""{"text":"I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it, from the {{UniqueWords(i)}} desk.","authorName":"Bench Reader","authorEmail":"reader{{i % 1000}}@example.com"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(postPath.Replace("{thread}", $"ingest-{run}-{i % 100}"), content);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted;
    }
    async Task<bool> Read(int _)
    {
        using var response = await http.GetAsync(readPath);
        await response.Content.CopyToAsync(Stream.Null);
        return response.IsSuccessStatusCode;
    }

    Console.WriteLine($"## {name}");
    await LoadRun.ClosedLoopAsync("warm-up", options.Workers, TimeSpan.FromSeconds(options.WarmupSeconds), Post);
    var cpuBefore = server.CpuTime;
    var peak = await LoadRun.ClosedLoopAsync("POST closed loop (peak)", options.Workers, duration, Post);
    Console.WriteLine(peak);
    var half = await LoadRun.OpenLoopAsync($"POST open loop at {peak.RequestsPerSecond / 2:0}/s", peak.RequestsPerSecond / 2, duration, Post);
    Console.WriteLine(half);
    await LoadRun.ClosedLoopAsync("warm-up", options.Workers, TimeSpan.FromSeconds(1), Read);
    var read = await LoadRun.ClosedLoopAsync("GET closed loop (peak)", options.Workers, duration, Read);
    Console.WriteLine(read);
    return (name, peak, half, read, server.RssMiB, (server.CpuTime - cpuBefore).TotalSeconds);
}

static async Task SeedAsync(Uri target, string thread, int count)
{
    using var http = new HttpClient { BaseAddress = target };
    for (var i = 0; i < count; i++)
    {
        // A page the model publishes (the old seed, with a link, was held: the page was empty).
        var body = $$"""{"text":"I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it (seed {{i}}).","authorName":"Seed Reader","authorEmail":"seed{{i % 10}}@example.com"}""";
        using var response = await http.PostAsync($"/api/sites/bench/threads/{thread}/comments", new StringContent(body, Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"seed comment {i} answered {(int)response.StatusCode}, not 201 (published)");
    }
}

// Digits in a text read as a phone number to the spam model (a run id and a counter scored 0.94 spam
// and were held), so a text is made unique by words: n in base 16.
static string UniqueWords(int n)
{
    string[] words = ["river", "lamp", "orange", "quiet", "window", "garden", "paper", "stone",
        "cloud", "bread", "violin", "meadow", "candle", "harbor", "pencil", "forest"];
    var parts = new List<string>();
    do { parts.Add(words[n % 16]); n /= 16; } while (n > 0);
    return string.Join(' ', parts);
}
