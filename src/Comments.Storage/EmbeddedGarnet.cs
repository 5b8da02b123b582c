using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Logging;

namespace Comments.Storage;

/// <summary>
/// The default store: a Garnet server (Redis protocol) in this process, durable in a folder.
/// Flags follow the facts measured in design.md: RandomAccess device (the native one needs
/// glibc 2.38), AOF with synchronous commits and recovery (nothing acknowledged is lost on
/// kill -9), and the storage tier on (otherwise data beyond the memory budget is evicted).
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    private readonly string _aofDir;

    public EmbeddedGarnet(StorageOptions options, ILogger<EmbeddedGarnet> logger)
    {
        var dataDir = Path.GetFullPath(options.DataDir);
        _aofDir = Path.Combine(dataDir, "checkpoints", "AOF");
        Directory.CreateDirectory(dataDir);
        Port = options.EmbeddedPort != 0 ? options.EmbeddedPort : FreePort(options.EmbeddedBind);
        string[] args =
        [
            "--bind", options.EmbeddedBind,
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--memory", options.EmbeddedMemory,
            "--page", "1m",
            "--index", "1m",
            "--storage-tier",
            "--logdir", Path.Combine(dataDir, "log"),
            "--checkpointdir", Path.Combine(dataDir, "checkpoints"),
            "--aof",
            "--aof-commit-wait",
            "--aof-memory", "16m",
            "--aof-page-size", "2m",
            // Segments small enough that a checkpoint can drop the ones it covers (EmbeddedCheckpoints).
            "--aof-segment-size", "16m",
            "--recover",
            "--device-type", "RandomAccess",
            "-q",
        ];
        _server = new GarnetServer(args);
        _server.Start();
        logger.LogInformation("Embedded store listening on {Bind}:{Port}, data in {DataDir}", options.EmbeddedBind, Port, dataDir);
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The size of the append-only file's segments on disk.</summary>
    public long AofBytesOnDisk() => Directory.Exists(_aofDir)
        ? new DirectoryInfo(_aofDir).EnumerateFiles("aof.log.*").Sum(f => f.Length)
        : 0;

    public void Dispose() => _server.Dispose();

    private static int FreePort(string bind)
    {
        using var listener = new TcpListener(IPAddress.Parse(bind), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
