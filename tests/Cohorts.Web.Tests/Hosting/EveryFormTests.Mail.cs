using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The mail journal's form: « Renvoyer » on a failed message, which each post finds failed again.</summary>
public sealed partial class EveryFormTests
{
    private async Task<Target> ResendAsync()
    {
        var manager = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var id = (await MailSeeding.AddAsync(app, MailSeeding.Failed("camille@numerique.gouv.fr", "offer", "Vous êtes admis(e)",
            new MessageConcerns(_scenario.CohortId))))[0];
        var page = $"/gestion/courriels/{id}";
        return new Target(manager, $"{page}?handler=Resend", page, [])
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE outbox_messages SET state = 'Failed', failed_at = now() WHERE id = {0}", id)),
        };
    }
}
