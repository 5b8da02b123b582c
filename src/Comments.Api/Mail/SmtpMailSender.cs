using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comments.Api.Mail;

/// <summary>Sends through one SMTP connection (MailKit), opened on first use and again after any failure.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var client = _client ??= new SmtpClient { Timeout = options.Value.TimeoutSeconds * 1000 };
            try
            {
                if (!client.IsConnected) await ConnectAsync(client, ct);
                await client.SendAsync(message, ct);
            }
            catch
            {
                // Whatever state the connection is in, the next message starts on a fresh one.
                _client = null;
                client.Dispose();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        var o = options.Value;
        var security = o.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try { await client.DisconnectAsync(true); } catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or OperationCanceledException) { }
        }
        _client?.Dispose();
    }
}
