using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Mail;

/// <summary>
/// One message of the mail journal: when it was written, sent or refused, what it concerns, its two bodies and the names
/// of its attachments (or when they were purged); « Renvoyer » puts a failed message back in the outbox.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MessageModel(CohortsDbContext db, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    public MessageView Message { get; private set; } = null!;
    public string? CohortName { get; private set; }
    public string? CandidateName { get; private set; }
    /// <summary>Why « Renvoyer » did nothing, in French.</summary>
    public string? Refusal { get; private set; }

    public sealed record MessageView(Guid Id, string To, string Kind, string Subject, OutboxState State, DateTimeOffset CreatedAt,
        DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? MessageId, int Attempts, string? LastError,
        int? CohortId, Guid? ApplicationId, string? HtmlBody, string? TextBody, DateTimeOffset? BodiesPurgedAt, IReadOnlyList<AttachmentView> Attachments)
    {
        public bool CanResend => State == OutboxState.Failed && HtmlBody is not null;
    }

    public sealed record AttachmentView(string FileName, string ContentType, int Size);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Locked until the commit: a second tab, or a delivery worker, waits here and then reads what this one did.
            var message = await db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE id = {id} FOR UPDATE")
                .ManagedBy(db, User).SingleOrDefaultAsync(cancellationToken);
            if (message is null) return NotFound();
            Refusal = WhyNotResent(message);
            if (Refusal is null)
            {
                message.Resend(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        if (Refusal is not null)
        {
            db.ChangeTracker.Clear();
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        jobs.Enqueue<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
        TempData["Message"] = "Le courriel est remis dans la file d'envoi : il part dans un instant.";
        return RedirectToPage(new { id });
    }

    private static string? WhyNotResent(OutboxMessage message) => message switch
    {
        { HtmlBody: null } => $"Ce courriel ne peut plus être renvoyé : son contenu a été purgé{(message.BodiesPurgedAt is { } at ? $" le {Display.DateTime(at)}" : "")}.",
        { State: OutboxState.Pending } => "Ce courriel n'est plus en échec : il a déjà été renvoyé (peut-être depuis un autre onglet) et attend son envoi.",
        { State: OutboxState.Sent, SentAt: { } sentAt } => $"Ce courriel n'est plus en échec : il a été envoyé le {Display.DateTime(sentAt)}.",
        { State: not OutboxState.Failed } => "Ce courriel n'est plus en échec : rien n'a été renvoyé.",
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().ManagedBy(db, User).Where(m => m.Id == id)
            .Select(m => new MessageView(m.Id, m.To, m.Kind, m.Subject, m.State, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.FailedAt, m.MessageId,
                m.Attempts, m.LastError, m.CohortId, m.ApplicationId, m.HtmlBody, m.TextBody, m.BodiesPurgedAt,
                m.Attachments.Select(a => new AttachmentView(a.FileName, a.ContentType, a.Content.Length)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null) return false;
        Message = message;
        if (message.CohortId is { } cohortId)
            CohortName = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Program.Name + " — " + c.Name).SingleOrDefaultAsync(cancellationToken);
        if (message.ApplicationId is { } applicationId)
            CandidateName = await db.Applications.Where(a => a.Id == applicationId)
                .Select(a => a.FirstName + " " + a.LastName).SingleOrDefaultAsync(cancellationToken);
        if (message.HtmlBody is not null) SecurityHeaders.AllowInlineStyleAttributes(Response);
        return true;
    }
}
