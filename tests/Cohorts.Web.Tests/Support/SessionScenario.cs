using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Sessions;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// A running cohort (started two weeks ago, ends in five months) of "Conseiller en stratégie numérique": its manager,
/// a facilitator, two coaches, and participants who accepted their offer (each with an enrollment). The slices of
/// sessions, attendance and coaching start from it. Every account shares <see cref="Password"/>.
/// </summary>
public sealed class SessionScenario(CohortsApp app)
{
    public const string Password = ApplicationScenario.Password;
    public const string ManagerEmail = "responsable@cohorts.test";
    public const string FacilitatorEmail = "animatrice@cohorts.test";
    public const string CoachEmail = "coach@cohorts.test";
    public const string OtherCoachEmail = "coach2@cohorts.test";

    public int ProgramId { get; private set; }
    public int CohortId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public SeededPerson Manager { get; private set; } = null!;
    public SeededPerson Facilitator { get; private set; } = null!;
    public SeededPerson Coach { get; private set; } = null!;
    public SeededPerson OtherCoach { get; private set; } = null!;
    public IReadOnlyList<SeededPerson> Participants { get; private set; } = [];
    public int AdministrationId { get; private set; }

    public sealed record SeededPerson(string Id, string Email, string Name);

    public async Task<SessionScenario> SeedAsync(int participants = 4)
    {
        var now = app.Clock.GetUtcNow();
        var today = ParisTime.Today(now);
        AdministrationId = await app.WithDbAsync(async db =>
        {
            // Alongside another scenario (the forms' test seeds one), its administrations serve.
            if (await db.Administrations.OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync() is { } existing) return existing;
            var ministry = new Cohorts.Domain.Organisations.Ministry("Services du Premier ministre", "SPM");
            var administration = new Cohorts.Domain.Organisations.Administration("Direction interministérielle du numérique", ministry);
            db.Ministries.Add(ministry);
            db.Administrations.Add(administration);
            await db.SaveChangesAsync();
            return administration.Id;
        });
        StartsOn = today.AddDays(-14);
        EndsOn = today.AddMonths(5);
        (ProgramId, CohortId) = await SeedCohortAsync("conseiller-strategie-numerique", "Conseiller en stratégie numérique", "Promotion 2027",
            StartsOn, EndsOn);
        Manager = await PersonAsync(ManagerEmail, Roles.ProgramManager, "Paul", "Responsable");
        await app.AssignAsync(ProgramId, Manager.Id);
        Facilitator = await PersonAsync(FacilitatorEmail, Roles.Coach, "Claire", "Animatrice");
        Coach = await PersonAsync(CoachEmail, Roles.Coach, "Hugo", "Coach");
        OtherCoach = await PersonAsync(OtherCoachEmail, Roles.Coach, "Inès", "Coach");
        Participants = await EnrollAsync(CohortId, participants, "participant");
        return this;
    }

    /// <summary>Another program's running cohort with its own participants: what the people of this scenario must never see.</summary>
    public async Task<(int CohortId, IReadOnlyList<SeededPerson> Participants)> SeedOtherCohortAsync(int participants = 2)
    {
        var (_, cohortId) = await SeedCohortAsync("data-ia-decideurs", "Data et IA pour les décideurs", "Promotion 1", StartsOn, EndsOn);
        return (cohortId, await EnrollAsync(cohortId, participants, "autre"));
    }

    public async Task<SeededPerson> PersonAsync(string email, string role, string firstName, string lastName)
    {
        var user = await app.CreateUserAsync(email, Password, role, firstName: firstName, lastName: lastName);
        return new SeededPerson(user.Id, email, user.FullName);
    }

    private Task<(int, int)> SeedCohortAsync(string slug, string programName, string cohortName, DateOnly startsOn, DateOnly endsOn) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var program = TrainingProgram.Create(slug, programName, "Six mois.", "Journées en présentiel, classes à distance, coaching",
                requiresEndorsement: false, hasInterview: false);
            db.Programs.Add(program);
            var closes = ParisTime.StartOfDay(startsOn).AddDays(-20);
            var cohort = Cohort.Create(program, cohortName, 20, startsOn, endsOn, closes.AddDays(-40), closes, "Paris");
            cohort.Publish();
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id);
        });

    /// <summary>Participants who applied, were admitted and accepted: an application in OfferAccepted and an open enrollment each.</summary>
    public async Task<IReadOnlyList<SeededPerson>> EnrollAsync(int cohortId, int count, string prefix)
    {
        var seeded = new List<SeededPerson>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}{i + 1}-{cohortId}@numerique.gouv.fr";
            var person = await PersonAsync(email, Roles.Candidate, "Camille", $"{char.ToUpperInvariant(prefix[0])}{prefix[1..]}{i + 1:00}");
            await app.WithDbAsync(async db =>
            {
                var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId);
                var appliedAt = cohort.ApplicationsCloseAt.AddDays(-5);
                var decidedAt = cohort.ApplicationsCloseAt.AddDays(5);
                var candidate = new ActorRef(Actor.Candidate, person.Id, person.Name);
                var staff = new ActorRef(Actor.ProgramManager, null, "Responsable");
                var cv = StoredDocument.Create(person.Id, "cv.pdf", "application/pdf", ApplicationScenario.Pdf, appliedAt);
                db.Documents.Add(cv);
                var application = Application.Start(cohortId, candidate, new ApplicationDetails(Civility.Madame, "Camille", person.Name.Split(' ')[1],
                    email, AdministrationId, ServiceCategory.A, "Attachée", "Cheffe de projet", "Je veux apprendre et transmettre.", true, "Jean Chef",
                    "jean.chef@numerique.gouv.fr"), appliedAt);
                application.AttachCv(cv.Id, ApplicationContext.For(cohort, appliedAt));
                application.Submit(ApplicationContext.For(cohort, appliedAt), candidate);
                application.StartReview(ApplicationContext.For(cohort, decidedAt), staff);
                application.Admit(ApplicationContext.For(cohort, decidedAt), staff, decidedAt.AddDays(7));
                application.AcceptOffer(ApplicationContext.For(cohort, decidedAt.AddDays(1)), candidate);
                db.Applications.Add(application);
                var enrollment = Enrollment.Open(application.Id, cohortId, candidate, decidedAt.AddDays(1));
                db.Enrollments.Add(enrollment);
                return await db.SaveChangesAsync();
            });
            seeded.Add(person);
        }
        return seeded;
    }

    /// <summary>A Paris wall-clock time on a day of the cohort, counted from today (negative: past).</summary>
    public DateTimeOffset At(int daysFromToday, int hour, int minute = 0)
    {
        var day = ParisTime.Today(app.Clock.GetUtcNow()).AddDays(daysFromToday);
        return ParisTime.FromParis(day.ToDateTime(new TimeOnly(hour, minute)));
    }

    /// <summary>Saves a session straight through <see cref="SessionStore"/> (as the staff pages do) and returns it, or throws with the refusals.</summary>
    public Task<Session> SessionAsync(SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? leadId = null,
        IReadOnlyList<string>? participantIds = null, bool mandatory = true, string? title = null, int? cohortId = null) =>
        app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == (cohortId ?? CohortId));
            var hours = SessionDetails.LengthInHours(startsAt, endsAt);
            var details = new SessionDetails(kind, title ?? $"{SessionKinds.Label(kind)} du {startsAt:dd/MM HH:mm}", startsAt, endsAt, mandatory,
                hours, leadId ?? (kind == SessionKind.Coaching ? Coach.Id : Facilitator.Id),
                Place: kind == SessionKind.InPerson ? "Campus du numérique" : "", Address: kind == SessionKind.InPerson ? "20 avenue de Ségur, Paris" : "",
                Room: kind == SessionKind.InPerson ? "B12" : "", VideoLink: kind == SessionKind.Remote ? "https://visio.numerique.gouv.fr/seance" : "",
                ParticipantIds: participantIds);
            var session = Session.Plan(cohort.Id, details, SessionWindow.Of(cohort), app.Clock.GetUtcNow());
            db.Sessions.Add(session);
            var refusals = await SessionStore.SaveAsync(db, session, CancellationToken.None);
            if (refusals.Count > 0) throw new DomainException(string.Join(" ", refusals));
            return session;
        });

    /// <summary>Takes the coach on for the cohort and pairs them with these participants.</summary>
    public Task PairAsync(SeededPerson coach, IReadOnlyList<SeededPerson> coachees, int maxCoachees = 4) => app.WithDbAsync(async db =>
    {
        if (!await db.CohortCoaches.AnyAsync(c => c.CohortId == CohortId && c.CoachId == coach.Id))
            db.CohortCoaches.Add(CohortCoach.Add(CohortId, coach.Id, maxCoachees, app.Clock.GetUtcNow()));
        foreach (var coachee in coachees)
            db.CoachPairings.Add(CoachPairing.Pair(CohortId, coach.Id, coachee.Id, Manager.Name, app.Clock.GetUtcNow()));
        return await db.SaveChangesAsync();
    });

    /// <summary>Marks a participant's attendance of a session, as its lead would.</summary>
    public Task MarkAsync(Guid sessionId, SeededPerson participant, AttendanceStatus status) => app.WithDbAsync(async db =>
    {
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        var who = new ActorRef(Actor.Coach, session.LeadId, "Animatrice");
        var attendance = await db.Attendances.Include(a => a.History).SingleOrDefaultAsync(a => a.SessionId == sessionId && a.ParticipantId == participant.Id);
        if (attendance is null) db.Attendances.Add(Cohorts.Domain.Sessions.Attendance.Mark(session, participant.Id, status, who, app.Clock.GetUtcNow()));
        else attendance.Correct(session, status, who, app.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    /// <summary>Signs in with the password every seeded account shares.</summary>
    public Task<HttpClient> SignInAsync(string email) => new SelectionScenario(app).SignInAsync(email);
}
