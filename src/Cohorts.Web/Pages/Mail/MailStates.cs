using Cohorts.Domain;
using Cohorts.Web.Emails;

namespace Cohorts.Web.Pages.Mail;

/// <summary>How an outbox message's state reads in the mail journal: a French label, a DSFR badge, the next try.</summary>
public static class MailStates
{
    public static string Label(OutboxState state) => state switch
    {
        OutboxState.Pending => "En attente",
        OutboxState.Sent => "Envoyé",
        OutboxState.Failed => "Échec",
        _ => state.ToString(),
    };

    public static string Badge(OutboxState state) => state switch
    {
        OutboxState.Sent => "fr-badge--success",
        OutboxState.Failed => "fr-badge--error",
        _ => "fr-badge--info",
    };

    /// <summary>
    /// "nouvel essai le 2 décembre 2026 à 14 h 05" for a message that failed for now and waits (Paris time, written as every
    /// date of the app), null for one that never failed or is no longer pending.
    /// </summary>
    public static string? Retry(OutboxState state, int attempts, DateTimeOffset nextAttemptAt) =>
        state != OutboxState.Pending || attempts == 0 ? null : $"nouvel essai le {Display.DateTime(nextAttemptAt)}";
}

/// <summary>An email's two bodies as the _MailBodies partial shows them: the HTML in a sandboxed frame, the text as is.</summary>
public sealed record MailBodies(string Html, string Text)
{
    /// <summary>
    /// The HTML as the frame's srcdoc: links open in a new tab, outside the sandbox (inside it, the linked page would
    /// refuse to be framed).
    /// </summary>
    public string FrameDocument
    {
        get
        {
            const string head = "<head>";
            var at = Html.IndexOf(head, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? "<base target=\"_blank\">" + Html : Html.Insert(at + head.Length, "<base target=\"_blank\">");
        }
    }
}
