using System.Diagnostics;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Health;

/// <summary>
/// A real OpenAPI linter (@redocly/cli, locked by tests/js/package-lock.json, its rules in
/// tests/js/redocly.yaml) over the document the running service serves at /openapi/v1.json.
/// </summary>
public sealed class OpenApiLintTests(GarnetService fixture)
{
    private static string ScriptFolder => Path.Combine(RepoPaths.Root, "tests", "js");

    [Fact]
    public async Task The_served_openapi_document_has_no_linter_errors()
    {
        var cli = Path.Combine(ScriptFolder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
            CiSkip.Now("tests/js/node_modules is missing: run `npm ci --prefix tests/js` (.ci/run does).");
        var url = new Uri(fixture.Service.BaseAddress, "/openapi/v1.json").ToString();

        var (exitCode, output, errors) = await RunAsync(cli, "lint", url, "--format", "json", "--max-problems", "1000");

        var report = JsonDocument.Parse(output).RootElement;
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}"
                + $" at {string.Join(" ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))}")
            .ToList();
        var totals = report.GetProperty("totals");
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && exitCode == 0,
            $"redocly lint: {totals}, exit {exitCode}\n{string.Join("\n", problems)}\n{errors}");
        Assert.True(totals.GetProperty("warnings").GetInt32() == 0, $"redocly lint warnings: {totals}\n{string.Join("\n", problems)}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string cli, params string[] args)
    {
        var start = new ProcessStartInfo("node", [cli, .. args])
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No telemetry and no update check: the test talks to the local service only.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var node = Process.Start(start)!;
        var ct = TestContext.Current.CancellationToken;
        var output = node.StandardOutput.ReadToEndAsync(ct);
        var errors = node.StandardError.ReadToEndAsync(ct);
        try
        {
            await node.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(120), ct);
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
        }
        return (node.ExitCode, await output, await errors);
    }
}
