using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Mail;

public enum SmtpSecurity { None, StartTls, Tls }

/// <summary>
/// The <c>Mail</c> section. No <see cref="Host"/> = no mail: subscriptions answer
/// <c>mail.disabled</c> and nothing is queued. Per-site From and Reply-To are in the site's options.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty turns mail off.</summary>
    public string? Host { get; set; }
    [Range(1, 65_535)] public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender of every mail unless the site sets its own (<c>Sites:{id}:MailFrom</c>): <c>Comments &lt;noreply@example.com&gt;</c>.</summary>
    public string? From { get; set; }
    /// <summary>The service's public address, for the links in mails (confirm, manage, unsubscribe): <c>https://comments.example.com</c>.</summary>
    public string? PublicUrl { get; set; }
    /// <summary>An address that unsubscribes by mail (the <c>mailto:</c> of List-Unsubscribe); optional.</summary>
    public string? UnsubscribeMailto { get; set; }
    /// <summary>A folder of templates that replace the shipped ones: <c>{name}.txt</c>/<c>{name}.html</c>, or <c>{site}/{name}.*</c> for one site.</summary>
    public string? TemplateDir { get; set; }
    /// <summary>A thread's subscribers get at most one mail of new comments per this many minutes.</summary>
    [Range(0.01, 1440)] public double ThreadBatchMinutes { get; set; } = 10;
    /// <summary>Hours a confirmation link stays good.</summary>
    [Range(1, 720)] public int ConfirmLinkHours { get; set; } = 72;
    /// <summary>Seconds an SMTP connect or command may take.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult("is required with Mail:Host, as an address (Comments <noreply@example.com>).", [nameof(From)]);
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            yield return new ValidationResult("is required with Mail:Host: the service's public http(s) address, for links in mails.", [nameof(PublicUrl)]);
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
            yield return new ValidationResult("User and Password go together.", [nameof(User)]);
    }
}
