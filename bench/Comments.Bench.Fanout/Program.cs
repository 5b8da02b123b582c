using System.Globalization;
using Comments.Bench.Fanout;

// Fan-out benchmark of the live stream: N WebSocket readers on one thread, comments posted at a
// steady rate, against the real service (embedded Garnet + Redis backplane, or a given Redis) and
// against SignalR's plain in-memory broadcast as the floor. Loopback only; bounded in count and time.
//
//   dotnet run -c Release --project bench/Comments.Bench.Fanout -- \
//     [--readers 1000,5000,10000] [--posts 100] [--rate 10] [--sources 4] \
//     [--servers service,baseline,baseline-redis] [--redis host:port] [--port N] \
//     [--variant 'name|KEY=VAL KEY=VAL']... [--flood CONNECTIONS]
// "baseline" is SignalR's in-memory fan-out alone; "baseline-redis" the same through a Redis
// backplane (--redis, default 127.0.0.1:6399); "baseline-serial" in memory but one broadcast at a
// time, as the backplane's subscriber sends; "service" the real Comments.Api (Release build);
// each --variant runs the service again with those settings added to its environment, right after
// the plain one (server "service:name"); --flood runs wrk (bench/wrk/post.lua) against the
// service's other threads at full speed during the measurement: no event may be lost meanwhile.
if (args.Length > 0 && args[0] == BaselineServer.Argument)
{
    BaselineServer.Run(args[1..]);
    return 0;
}

var options = BenchOptions.Parse(args);
var apiDll = Path.Combine(options.RepoRoot, "src", "Comments.Api", "bin", "Release", "net10.0", "Comments.Api.dll");
if (options.Servers.Contains("service") && !File.Exists(apiDll))
{
    Console.Error.WriteLine($"Build the service in Release first: dotnet build -c Release ({apiDll} is missing)");
    return 1;
}
Console.Error.WriteLine($"fan-out: readers {string.Join(",", options.Readers)}, {options.Posts} posts at {options.Rate}/s, {options.Sources} source addresses, {Environment.ProcessorCount} cores");

var results = new List<FanoutResult>();
foreach (var readers in options.Readers)
{
    foreach (var serverName in options.Servers)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-bench-").FullName;
        try
        {
            var port = options.Port ?? FreePort();
            var baseline = serverName.StartsWith("baseline", StringComparison.Ordinal);
            string[] baselineArgs = serverName switch
            {
                "baseline-redis" => [BaselineServer.Argument, options.Redis ?? "127.0.0.1:6399"],
                "baseline-serial" => [BaselineServer.Argument, "serial"],
                _ => [BaselineServer.Argument],
            };
            var variant = VariantOf(serverName);
            await using var server = baseline
                ? await ServerProcess.StartAsync(typeof(BaselineServer).Assembly.Location, baselineArgs, new Dictionary<string, string>(), port)
                : await ServerProcess.StartAsync(apiDll, [], ServiceEnvironment(dataDir, options.Redis, options.Port is null ? 0 : port + 1, variant), port);
            var label = serverName switch
            {
                "baseline" => "SignalR alone, in memory (floor)",
                "baseline-redis" => "SignalR alone, redis-server backplane",
                "baseline-serial" => "SignalR alone, in memory, one broadcast at a time",
                _ => (options.Redis is null && !variant.ContainsKey("ConnectionStrings__Redis")
                        ? "service, embedded Garnet backplane" : "service, redis-server backplane")
                    + (serverName.Split(':', 2) is [_, var variantName] ? $" ({variantName})" : ""),
            };
            var result = await FanoutRun.RunAsync(label, server, baseline, readers, options.Posts, options.Rate, options.Sources,
                options.RepoRoot, options.FloodConnections);
            results.Add(result);
            Console.Error.WriteLine($"  {Row(result)}");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"  {serverName} with {readers} readers failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

Console.WriteLine($"| server | readers | comments | delivered / expected | failed posts | POST p50 / p99 ms | p50 ms | p99 ms | max ms | p99 last copy ms | deliveries/s | server CPU % | server CPU µs/delivery | client CPU % | RSS idle → end MiB | connect s | load avg | warm-up posts | JIT methods in run |{(options.FloodConnections > 0 ? " flood beside it |" : "")}");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (options.FloodConnections > 0 ? "---|" : ""));
foreach (var r in results) Console.WriteLine(Row(r));
return 0;

static string Row(FanoutResult r) => string.Create(CultureInfo.InvariantCulture,
    $"| {r.Server} | {r.Readers:N0} | {r.Posts} @ {r.Rate}/s | {r.Delivered:N0} / {r.Expected:N0} | {r.FailedPosts} | {r.PostP50Ms:F1} / {r.PostP99Ms:F1} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.CompletionP99Ms:F1} | {r.DeliveriesPerSecond:N0} | {r.ServerCpuPercent:F0} | {r.ServerCpuMicrosPerDelivery:F2} | {r.ClientCpuPercent:F0} | {r.RssIdleMiB:F0} → {r.RssEndMiB:F0} | {r.ConnectSeconds:F1} | {r.LoadAverage} | {r.WarmUpPosts} | {r.JitMethodsDuringRun?.ToString(CultureInfo.InvariantCulture) ?? "–"} |{(r.Flood.Length > 0 ? $" {r.Flood} |" : "")}");

IReadOnlyDictionary<string, string> VariantOf(string serverName) =>
    serverName.Split(':', 2) is [_, var name] ? options.Variants![name] : new Dictionary<string, string>();

static Dictionary<string, string> ServiceEnvironment(string dataDir, string? redis, int embeddedPort, IReadOnlyDictionary<string, string> variant)
{
    var environment = new Dictionary<string, string>
    {
        ["ConnectionStrings__Redis"] = redis ?? "",
        ["Storage__EmbeddedPort"] = embeddedPort.ToString(CultureInfo.InvariantCulture),
        ["Storage__DataDir"] = dataDir,
        ["RateLimits__PostsPerMinute"] = "1000000",
        ["RateLimits__ReadsPerMinute"] = "1000000",
        ["Realtime__MaxConnectionsPerIp"] = "1000000",
        ["RateLimits__NegotiatesPerMinute"] = "1000000",
        ["Limits__MaxConnectionsPerAddress"] = "1000000",
        ["Limits__MaxConnections"] = "1000000",
        ["Limits__MaxUpgradedConnections"] = "1000000",
        [$"Sites__{FanoutRun.Site}__AllowedOrigins__0"] = "http://localhost:*",
        [$"Sites__{FanoutRun.Site}__FloodIntervalSeconds"] = "0",
    };
    foreach (var (key, value) in variant) environment[key] = value;
    return environment;
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
