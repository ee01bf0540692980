using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

public sealed record CvInfo(Guid Id, string FileName, long Size);

/// <summary>What a page about one application shows around it: its cohort (program loaded), the administration's label, the CV.</summary>
public sealed record ApplicationSurroundings(Cohort Cohort, string? AdministrationLabel, CvInfo? Cv);

/// <summary>An application's answers and CV as staff and its reviewers read them (partial <c>_ApplicationDossier</c>).</summary>
public sealed record ApplicationDossier(Application Application, string? AdministrationLabel, CvInfo? Cv);

public static class ApplicationQueries
{
    /// <summary>
    /// A candidate's own application with its history, or null: someone else's application does not
    /// exist, as far as this candidate can tell (the pages answer 404).
    /// </summary>
    public static Task<Application?> FindOwnAsync(this CohortsDbContext db, Guid id, string? candidateId, CancellationToken cancellationToken) =>
        db.Applications.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id && a.CandidateId == candidateId, cancellationToken);

    /// <summary>The cohort an application belongs to, with its program (what the workflow's guards read).</summary>
    public static Task<Cohort> CohortOfAsync(this CohortsDbContext db, Application application, CancellationToken cancellationToken) =>
        db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == application.CohortId, cancellationToken);

    /// <summary>The application's CV as a link shows it, without its content; null when none is attached.</summary>
    public static Task<CvInfo?> CvOfAsync(this CohortsDbContext db, Application application, CancellationToken cancellationToken) =>
        db.Documents.Where(d => d.Id == application.CvDocumentId)
            .Select(d => new CvInfo(d.Id, d.FileName, d.Size)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>"Administration — Ministry", for display.</summary>
    public static Task<string?> AdministrationLabelAsync(this CohortsDbContext db, int? administrationId, CancellationToken cancellationToken) =>
        db.Administrations.Where(a => a.Id == administrationId).Select(a => a.Name + " — " + a.Ministry.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The one load sequence of the application pages, after the application itself (found as each page's access allows).</summary>
    public static async Task<ApplicationSurroundings> SurroundingsOfAsync(this CohortsDbContext db, Application application,
        CancellationToken cancellationToken) =>
        new(await db.CohortOfAsync(application, cancellationToken),
            await db.AdministrationLabelAsync(application.AdministrationId, cancellationToken),
            await db.CvOfAsync(application, cancellationToken));
}

public static class ApplicationHistory
{
    /// <summary>An application's history as the candidate and staff read it; the line manager's reason is a comment.</summary>
    public static Pages.HistoryModel Of(Application application) =>
        Pages.HistoryModel.Of(application.History, ApplicationWorkflow.Definition, "Candidature créée",
            trigger => trigger is ApplicationTrigger.Endorse or ApplicationTrigger.RefuseEndorsement);
}
