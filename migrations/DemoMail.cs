using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohorts.Migrations;

/// <summary>
/// The mail journal's demo: what the demo applications would have sent (confirmations, endorsement requests and
/// outcomes), already delivered, and one endorsement request the line manager's server refused, so that « Renvoyer » can
/// be tried; plus the demo candidate's address confirmation (an account email: the Admin sees it, managers do not).
/// Nothing is pending: the app delivers nothing of it. Each message carries a "demo:" dedupe key, so that seeding again
/// writes nothing twice.
/// </summary>
public static class DemoMail
{
    private const string From = "ne-pas-repondre@cohorts.test";

    public static async Task<bool> SeedAsync(IServiceProvider scopedServices, DateTimeOffset now)
    {
        var db = scopedServices.GetRequiredService<CohortsDbContext>();
        if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey != null && m.DedupeKey.StartsWith("demo:"))) return false;
        var baseUrl = (scopedServices.GetService<IConfiguration>()?["Mail:BaseUrl"] ?? "http://127.0.0.1:5080").TrimEnd('/');
        // The migrator has no mail settings of its own: the app's templates, rendered as the app renders them.
        var renderer = scopedServices.GetService<EmailRenderer>() ?? new EmailRenderer(Options.Create(new MailOptions { BaseUrl = baseUrl, From = From }));

        var submitted = await db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null)
            .Join(db.Cohorts, a => a.CohortId, c => c.Id, (a, c) => new { Application = a, Cohort = c.Name, Program = c.Program.Name, c.Program.RequiresEndorsement })
            .OrderBy(x => x.Program).ThenBy(x => x.Application.LastName).ThenBy(x => x.Application.Id)
            .ToListAsync();
        // The three applications of the advisors' open cohort, and a few of Booster Agile's many.
        var shown = submitted.GroupBy(x => x.Program).SelectMany(g => g.Take(3)).ToList();
        if (shown.Count == 0) return false;

        var messages = new List<OutboxMessage>();
        var at = now.AddDays(-3);
        OutboxMessage Add(string to, Email email, Guid? application, int? cohort, string key)
        {
            at = at.AddMinutes(7);
            var message = OutboxMessage.Create(to, renderer.Render(email), at, new MessageConcerns(cohort, application), $"demo:{key}");
            messages.Add(message);
            return message;
        }

        var candidate = await db.Users.AsNoTracking().Where(u => u.Email == "candidat@cohorts.test").Select(u => new { u.Id, u.FirstName }).SingleOrDefaultAsync();
        if (candidate is not null)
            Add("candidat@cohorts.test", new ConfirmEmailAddress(candidate.FirstName, $"{baseUrl}/confirmer-email?userId={candidate.Id}&code=ZGVtbw"), null, null,
                "confirm-email:candidat");

        var refused = false;
        foreach (var x in shown)
        {
            var a = x.Application;
            var status = $"{baseUrl}/candidatures/{a.Id}";
            Add(a.ProfessionalEmail, new ApplicationSubmittedMessage(a.FirstName, x.Program, x.Cohort, x.RequiresEndorsement, a.ManagerName, status),
                a.Id, a.CohortId, $"application-submitted:{a.Id}");
            if (!x.RequiresEndorsement || string.IsNullOrEmpty(a.ManagerEmail)) continue;
            var request = Add(a.ManagerEmail, new EndorsementRequestMessage(a.ManagerName, $"{a.FirstName} {a.LastName}", x.Program, x.Cohort,
                Cohorts.Web.Pages.Display.DateTime(at.AddDays(14)), $"{baseUrl}/avis-hierarchique/demo"), a.Id, a.CohortId, $"endorsement-request:{a.Id}");
            // The first application still awaiting its endorsement: its line manager's address is unknown to their server.
            if (!refused && a.State == ApplicationState.AwaitingEndorsement)
            {
                refused = true;
                request.MarkPermanentFailure(request.CreatedAt.AddSeconds(2),
                    $"550 5.1.1 <{a.ManagerEmail}>: Recipient address rejected: User unknown in virtual mailbox table");
                continue;
            }
            if (a.State is ApplicationState.Endorsed or ApplicationState.UnderReview)
                Add(a.ProfessionalEmail, new EndorsementOutcomeMessage(a.FirstName, x.Program, x.Cohort, true, a.ManagerName, a.EndorsementComment, status),
                    a.Id, a.CohortId, $"endorsement-outcome:{a.Id}");
        }
        foreach (var message in messages.Where(m => m.State == OutboxState.Pending))
            message.MarkSent(message.CreatedAt.AddSeconds(2), OutboxMessage.MessageIdOf(message.Id, From));
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return true;
    }
}
