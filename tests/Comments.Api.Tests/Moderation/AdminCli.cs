using System.Diagnostics;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>The built comments-admin CLI, run as an operator runs it.</summary>
public static class AdminCli
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            return Path.Combine(RepoPaths.Root, "src", "Comments.Admin", "bin", configuration, "net10.0", "comments-admin.dll");
        }
    }

    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>The address of the fixture's store (its Redis, or the service's embedded Garnet).</summary>
    public static string StoreAddress(this ServiceFixture fixture) =>
        fixture.Store.Multiplexer.GetEndPoints()[0] switch
        {
            System.Net.IPEndPoint ip => $"{ip.Address}:{ip.Port}",
            System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            var other => other.ToString()!,
        };
}
