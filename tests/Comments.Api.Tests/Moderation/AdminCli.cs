using System.Diagnostics;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>The built command-line tools (comments-admin, Comments.Training), run as an operator runs them.</summary>
public static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(string dll, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await output, await error);
    }
}

public static class AdminCli
{
    public static Task<Cli.Run> RunAsync(params string[] args) =>
        Cli.RunAsync(RepoPaths.BuiltDll("Comments.Admin", "comments-admin.dll"), TimeSpan.FromSeconds(60), args);

    /// <summary>The address of the fixture's store (its Redis, or the service's embedded Garnet).</summary>
    public static string StoreAddress(this ServiceFixture fixture) =>
        fixture.Store.Multiplexer.GetEndPoints()[0] switch
        {
            System.Net.IPEndPoint ip => $"{ip.Address}:{ip.Port}",
            System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            var other => other.ToString()!,
        };
}
