using System.ComponentModel.DataAnnotations;

namespace Cohorts.Web.Emails;

/// <summary>Section "Mail". Either an SMTP server (production, tests) or a pickup folder (development).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress] public string From { get; set; } = "";
    [Required] public string FromName { get; set; } = "Cohorts";
    /// <summary>Absolute URL the links in emails start with, e.g. https://cohorts.example.gouv.fr.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "";
    public string? SmtpHost { get; set; }
    [Range(1, 65535)] public int SmtpPort { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>When set and no <see cref="SmtpHost"/> is (development), emails are written there as .eml files.</summary>
    public string? PickupDirectory { get; set; }
    public string TemplatesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates", "emails");
    /// <summary>Messages a delivery worker claims at once: at most this many leave twice after a crash, per worker.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>
    /// Delivery workers across the whole deployment, each with one SMTP connection (a PostgreSQL advisory lock per worker
    /// slot bounds them, however many nodes run the job). Set the same value on every node.
    /// </summary>
    [Range(1, 32)] public int Workers { get; set; } = 2;
    /// <summary>How long a worker's claim on a batch lasts unless renewed: past it, a worker taken for dead loses the batch.</summary>
    [Range(5, 3600)] public int ClaimSeconds { get; set; } = 120;
    /// <summary>A message failing transiently for this long (server unreachable, 4xx) fails for good, for staff to resend.</summary>
    [Range(1, 24 * 30)] public int GiveUpAfterHours { get; set; } = 72;
    /// <summary>A node that starts asks for a delivery at once, rather than at the next minute's sweep (after a crash, say).</summary>
    public bool DeliverOnStart { get; set; } = true;
    /// <summary>Days the bodies and attachments of a sent message are kept; then only its line in the mail journal stays.</summary>
    [Range(1, 3650, ErrorMessage = "Mail:BodyRetentionDays is a number of days between 1 and 3650.")]
    public int BodyRetentionDays { get; set; } = 90;

    /// <summary>A configured SMTP server wins: the pickup folder is only development's default.</summary>
    public bool SendsThroughSmtp => !string.IsNullOrEmpty(SmtpHost) || string.IsNullOrEmpty(PickupDirectory);
}
