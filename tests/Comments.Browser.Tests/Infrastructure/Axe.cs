using System.Text.Json;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (tests/js/node_modules, installed by <c>npm ci --prefix tests/js</c>) run in the page:
/// the serious and critical violations, open shadow roots included.
/// </summary>
public static class Axe
{
    private static string ScriptPath => Path.Combine(RepoPaths.Root, "tests", "js", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Runs axe on <paramref name="selector"/> (or the whole page) and fails with every serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string? selector = null, string what = "the page")
    {
        if (!File.Exists(ScriptPath)) CiSkip.Now("tests/js/node_modules/axe-core is missing: run `npm ci --prefix tests/js` (.ci/run does).");
        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>("""
            async selector => {
              const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' > ') + ' ' + n.failureSummary.replace(/\s+/g, ' ')).join(' | ')));
            }
            """, selector);
        var found = JsonSerializer.Deserialize<string[]>(json)!;
        Assert.True(found.Length == 0, $"axe on {what}: " + string.Join("\n", found));
    }
}
