using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// The blog that embeds the widget: a tiny static HTTP server on its own loopback port, reached as
/// <c>http://localhost:port</c> while the API is <c>http://127.0.0.1:port</c>. Two origins, so the
/// browser enforces CORS for real, as on a blog that embeds comments.example.
/// </summary>
public sealed class HostSite : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, string> _pages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public HostSite()
    {
        var port = FreePort.Next();
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Origin = $"http://localhost:{port}";
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The blog's origin; the test sites allow <c>http://localhost:*</c>.</summary>
    public string Origin { get; }

    /// <summary>Publishes an HTML page at <paramref name="path"/> and returns its absolute URL.</summary>
    public string Publish(string path, string html)
    {
        _pages[path] = html;
        return Origin + path;
    }

    /// <summary>An article with the one-tag embed, optionally with the blog's own (hostile) CSS, its language and more attributes on the script.</summary>
    public static string Article(Uri api, string site, string thread, string hostCss = "", string title = "An article", string lang = "en", string scriptAttributes = "") => $$"""
        <!doctype html><html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>{{title}}</title><style>{{hostCss}}</style></head>
        <body><main><article><h1>{{title}}</h1><p>The blogger's text. Comments follow.</p></article>
        <script src="{{api.GetLeftPart(UriPartial.Authority)}}/embed.js" data-site="{{site}}" data-thread="{{thread}}" {{scriptAttributes}} async></script>
        </main></body></html>
        """;

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            var target = head.ToString().Split(' ', 3)[1];
            var path = target.Split('?', '#')[0];
            var found = _pages.TryGetValue(path, out var html);
            var body = Encoding.UTF8.GetBytes(found ? html! : path == "/favicon.ico" ? "" : "not found");
            // A blog without a favicon answers 204, so a missing icon is not a console error.
            var status = found ? "200 OK" : path == "/favicon.ico" ? "204 No Content" : "404 Not Found";
            var header = $"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
