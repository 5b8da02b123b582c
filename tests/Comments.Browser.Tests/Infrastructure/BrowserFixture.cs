using Microsoft.Playwright;

namespace Comments.Browser.Tests.Infrastructure;

/// <summary>
/// One real service (embedded Garnet in a temp folder, the test sites and moderator keys) and one
/// headless Debian chromium, shared by every browser test. Each test opens its own browser
/// context, so cookies and storage never leak between tests. Chromium is the system one: a
/// downloaded browser is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where the browser lives; override with COMMENTS_TEST_CHROMIUM.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("COMMENTS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// How long a test waits for an event it expects (a navigation, a live arrival). CI runs the
    /// browser tests beside the API suite's kill cycles on 2 cores, so it is generous: a wait
    /// that is met ends at once, and only a real failure pays all of it.
    /// </summary>
    public const float Patience = 60_000;

    private ServiceProcess? _service;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _dataDir;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service did not start.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    /// <summary>The test output folder for screenshots and other artifacts.</summary>
    public static string ArtifactsDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No chromium at {ChromiumPath}: install Debian's chromium package (.ci/run does).");
        Assertions.SetDefaultExpectTimeout(Patience / 2);
        _dataDir = Directory.CreateTempSubdirectory("comments-browser-").FullName;
        var embeddedPort = FreePort.Next();
        _service = await ServiceProcess.StartAsync(TestSites.Environment(_dataDir, null, embeddedPort));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context on the service, with console errors collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string>? errors = null, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        if (errors is not null)
        {
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
        }
        return page;
    }

    public HttpClient CreateClient() => Service.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_service is not null) await _service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
    }
}
