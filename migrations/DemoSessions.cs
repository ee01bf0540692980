using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Sessions;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Migrations;

/// <summary>
/// The running cohort of each demo program from acceptance on: participants who accepted their place (an application
/// in OfferAccepted and an enrollment each; the demo candidate among those of « Conseiller en stratégie numérique »),
/// a facilitator per program, a weekly remote series, in-person days with place, address and room, and coaching by the
/// demo coach with their coachees; one remote class to come is cancelled. Sessions that have ended have their attendance (a few absences: one participant per
/// cohort can no longer reach the threshold), their coaching logs (all but the latest, left for the coach to write) and
/// some ratings. Every cohort session starts at <see cref="CohortSessionsStart"/>, Paris time, winter and summer alike.
/// Everything goes through the domain and <see cref="SessionStore"/> (no clash), in one transaction. Idempotent: a cohort
/// whose participants exist already, or which has sessions, is left as it is.
/// </summary>
public static class DemoSessions
{
    public const string CandidateEmail = "candidat@cohorts.test";
    public const string CoachEmail = "coach@cohorts.test";

    /// <summary>Who leads each program's cohort sessions (Coach-role accounts); they sign in with <see cref="DemoData.Password"/>.</summary>
    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string ProgramSlug)> Facilitators =
    [
        ("animation.agile@cohorts.test", "Élodie", "Garnier", "booster-agile"),
        ("animation.strategie@cohorts.test", "Julien", "Roussel", "conseiller-strategie-numerique"),
    ];

    /// <summary>The Paris hour every in-person day and remote class starts at.</summary>
    public static readonly TimeOnly CohortSessionsStart = new(9, 30);

    /// <summary>What one running cohort gets.</summary>
    public sealed record CohortPlan(
        string ProgramSlug,
        IReadOnlyList<(string FirstName, string LastName, Civility Civility, string Position)> Participants,
        bool WithDemoCandidate,
        int CoachCapacity,
        int Coachees,
        DayOfWeek CoachingDay,
        int CoachingEveryWeeks,
        string RemoteTitle,
        string RemoteDescription,
        string VideoLink,
        int RemoteFromWeek,
        int? RemoteCount,
        bool InPersonMonthly,
        IReadOnlyList<string> InPersonTitles,
        string Place,
        string Address,
        IReadOnlyList<string> Rooms,
        string BelowThresholdEmail);

    public static readonly IReadOnlyList<CohortPlan> Plans =
    [
        new("booster-agile",
            [
                ("Aurélie", "Lefèvre", Civility.Madame, "Cheffe de projet numérique"),
                ("Thomas", "Girard", Civility.Monsieur, "Product owner"),
                ("Nathalie", "Bonnet", Civility.Madame, "Responsable de la relation usagers"),
                ("Sébastien", "Faure", Civility.Monsieur, "Chef du bureau des systèmes d'information"),
                ("Émilie", "Rousseau", Civility.Madame, "Chargée de mission transformation"),
                ("Guillaume", "Chevalier", Civility.Monsieur, "Architecte des systèmes d'information"),
                ("Sandrine", "Lemoine", Civility.Madame, "Adjointe au chef de service"),
                ("Romain", "Perrin", Civility.Monsieur, "Développeur"),
                ("Laure", "Marchand", Civility.Madame, "Designer de services"),
                ("Antoine", "Duval", Civility.Monsieur, "Chargé d'études statistiques"),
            ],
            WithDemoCandidate: false, CoachCapacity: 6, Coachees: 4, DayOfWeek.Wednesday, CoachingEveryWeeks: 2,
            "Rituel à distance : revue de sprint et rétrospective",
            "Chaque mardi, les équipes présentent l'avancement de leur produit, puis rétrospective animée.",
            "https://webinaire.numerique.gouv.fr/booster-agile-promotion-2",
            // « 6 séances à distance », from the third week on.
            RemoteFromWeek: 2, RemoteCount: 6, InPersonMonthly: false,
            [
                "Séminaire de lancement : le mode produit",
                "Atelier : cartographier les usagers et leurs besoins",
                "Atelier : prioriser un backlog avec son équipe",
                "Posture du coach agile et conduite du changement",
                "Mesurer l'impact d'un service public numérique",
                "Atelier : faciliter une rétrospective",
                "Travailler en équipe pluridisciplinaire",
                "Journée de clôture : présentations des produits",
            ],
            "Direction interministérielle du numérique", "20 avenue de Ségur, 75007 Paris",
            ["Salle Grace Hopper", "Salle Ada Lovelace", "Amphithéâtre Ségur"],
            BelowThresholdEmail: "nathalie.bonnet@demo.cohorts.test"),
        new("conseiller-strategie-numerique",
            [
                ("Florence", "Aubert", Civility.Madame, "Conseillère numérique du préfet"),
                ("Mehdi", "Benali", Civility.Monsieur, "Responsable de la stratégie cloud"),
                ("Cécile", "Renaud", Civility.Madame, "Cheffe du département des données"),
                ("Vincent", "Lacroix", Civility.Monsieur, "Chargé de mission souveraineté numérique"),
                ("Amélie", "Caron", Civility.Madame, "Acheteuse de solutions numériques"),
                ("Nicolas", "Brunet", Civility.Monsieur, "Délégué à la protection des données"),
                ("Karine", "Hoarau", Civility.Madame, "Directrice de projet SI"),
            ],
            WithDemoCandidate: true, CoachCapacity: 5, Coachees: 3, DayOfWeek.Friday, CoachingEveryWeeks: 4,
            "Classe virtuelle : l'actualité du numérique public",
            "Chaque mardi, une heure d'actualité et une heure d'étude de cas avec un intervenant.",
            "https://webinaire.numerique.gouv.fr/conseiller-strategie-numerique-2026",
            RemoteFromWeek: 0, RemoteCount: null, InPersonMonthly: true,
            [
                "Séminaire de lancement : conseiller les décideurs publics",
                "Cloud souverain et qualification SecNumCloud",
                "Gouvernance et valorisation des données publiques",
                "Achats numériques et souveraineté",
                "Masterclass : piloter un grand projet numérique de l'État",
                "Journée de clôture : restitution des missions de conseil",
            ],
            "Campus du numérique public", "8 boulevard du Port-Royal, 75005 Paris",
            ["Salle Condorcet", "Salle Marie Curie"],
            BelowThresholdEmail: "vincent.lacroix@demo.cohorts.test"),
    ];

    private static readonly (string Topics, string Summary, string Notes)[] Logs =
    [
        ("Objectifs du parcours, attentes, premier diagnostic de la mission",
            "Nous avons fixé trois objectifs pour le parcours et identifié les interlocuteurs clés dans votre direction.",
            "Notes privées : inquiétude sur la disponibilité accordée par sa hiérarchie, à revoir au prochain point."),
        ("Posture de conseil, préparation d'une note au directeur",
            "Plan de la note validé ; à envoyer avant la fin du mois, avec deux options chiffrées.",
            "Notes privées : manque de confiance à l'oral, proposer une mise en situation."),
        ("Conduite du changement dans l'équipe, gestion des résistances",
            "Deux actions concrètes retenues : un atelier avec l'équipe et un point hebdomadaire avec le sponsor.",
            "Notes privées : tension avec un collègue, ne pas l'évoquer devant le groupe."),
        ("Bilan d'étape, suite du parcours",
            "Bon avancement : la mission est cadrée, les prochaines étapes sont planifiées.",
            "Notes privées : envisage une mobilité à la fin du programme."),
    ];

    private static readonly CoachingMode[] Modes = [CoachingMode.Video, CoachingMode.InPerson, CoachingMode.Phone];

    private static readonly string[] Comments =
    [
        "Très concret, j'ai pu appliquer dès le lendemain.",
        "Intervenant passionnant, un peu dense sur la fin.",
        "",
        "Bons échanges entre participants de ministères différents.",
        "J'aurais aimé plus de temps pour les cas pratiques.",
    ];

    public const string CancelReason = "Intervenant indisponible : la classe virtuelle est remplacée par un temps de travail sur vos missions.";

    /// <summary>How many participants the demo enrolls (applications in OfferAccepted), the demo candidate included.</summary>
    public static int Enrolled => Plans.Sum(p => p.Participants.Count + (p.WithDemoCandidate ? 1 : 0));

    /// <summary>Returns whether anything was added.</summary>
    public static async Task<bool> SeedAsync(CohortsDbContext db, UserManager<CohortsUser> users, DateTimeOffset now)
    {
        var coach = await users.FindByEmailAsync(CoachEmail);
        var candidate = await users.FindByEmailAsync(CandidateEmail);
        if (coach is null || candidate is null) return false;
        // A developer's database may hold more running cohorts than the demo's (made by hand): each program's first is the demo's.
        var running = (await db.Cohorts.Include(c => c.Program).ToListAsync())
            .Where(c => c.PhaseAt(now) == CohortPhase.Running)
            .GroupBy(c => c.Program.Slug).ToDictionary(g => g.Key, g => g.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).First());
        var plans = Plans.Where(p => running.ContainsKey(p.ProgramSlug)).ToList();
        if (plans.Count == 0) return false;
        var administrations = await db.Administrations.OrderBy(a => a.Name).Select(a => a.Id).ToListAsync();

        var added = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var (plan, k) in plans.Select((p, k) => (p, k)))
        {
            var cohort = running[plan.ProgramSlug];
            // Seeded already, or a calendar made by hand: left as it is.
            if (await users.FindByEmailAsync(plan.BelowThresholdEmail) is not null || await db.Sessions.AnyAsync(s => s.CohortId == cohort.Id)) continue;
            var (email, firstName, lastName, _) = Facilitators.Single(f => f.ProgramSlug == plan.ProgramSlug);
            var lead = await users.FindByEmailAsync(email)
                ?? await AccountAsync(users, email, firstName, lastName, Roles.Coach, DemoData.Password, cohort.ApplicationsCloseAt);
            var participants = await EnrollAsync(db, users, cohort, plan, candidate, administrations, k);
            var coachees = participants.Take(plan.Coachees).ToList();
            var sessions = await PlanAsync(db, cohort, plan, lead, coach, coachees, now);
            await MarkAsync(db, sessions, plan, participants, candidate, lead, coach, now);
            added = true;
        }
        await transaction.CommitAsync();
        return added;
    }

    private static async Task<CohortsUser> AccountAsync(UserManager<CohortsUser> users, string email, string firstName, string lastName,
        string role, string? password, DateTimeOffset createdAt)
    {
        var user = CohortsUser.Create(email, firstName, lastName, createdAt);
        user.EmailConfirmed = true;
        DemoData.Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password), email);
        DemoData.Check(await users.AddToRoleAsync(user, role), email);
        return user;
    }

    /// <summary>Each participant applied, was endorsed, reviewed (and interviewed where the program wants it), admitted and accepted.</summary>
    private static async Task<List<CohortsUser>> EnrollAsync(CohortsDbContext db, UserManager<CohortsUser> users, Cohort cohort, CohortPlan plan,
        CohortsUser candidate, List<int> administrations, int offset)
    {
        var closes = cohort.ApplicationsCloseAt;
        var people = new List<(CohortsUser User, Civility Civility, string Position)>();
        if (plan.WithDemoCandidate) people.Add((candidate, Civility.Madame, "Chargée de mission transformation numérique"));
        foreach (var (firstName, lastName, civility, position) in plan.Participants)
        {
            // Demo participants without a password: they exist to be seen in the lists, the demo candidate signs in.
            var user = await AccountAsync(users, $"{Plain(firstName)}.{Plain(lastName)}@demo.cohorts.test", firstName, lastName, Roles.Candidate,
                password: null, closes.AddDays(-30));
            people.Add((user, civility, position));
        }
        var staff = new ActorRef(Actor.ProgramManager, null, "Paul Responsable");
        foreach (var ((user, civility, position), i) in people.Select((p, i) => (p, i)))
        {
            var applied = closes.AddDays(-12).AddHours(5 * i);
            var decided = closes.AddDays(10);
            ApplicationContext Context(DateTimeOffset when) => ApplicationContext.For(cohort, when);
            var who = new ActorRef(Actor.Candidate, user.Id, user.FullName);
            var administration = user.AdministrationId ?? administrations[(7 * i + 3 * offset) % administrations.Count];
            var details = new ApplicationDetails(civility, user.FirstName, user.LastName, user.Email!, administration,
                i % 4 == 3 ? ServiceCategory.B : ServiceCategory.A, i % 4 == 3 ? "Secrétaire administratif(ve)" : "Attaché(e) d'administration", position,
                "Je veux conduire la transformation numérique de mon service et transmettre ce que j'apprends à mes collègues.", true,
                "Claire Dupont", $"claire.dupont.{Plain(user.LastName)}@demo.cohorts.test");
            var application = Application.Start(cohort.Id, who, details, applied);
            var cv = StoredDocument.Create(user.Id, $"CV {user.FullName}.pdf", "application/pdf", DemoCv.For(user.FullName, position), applied);
            db.Documents.Add(cv);
            application.AttachCv(cv.Id, Context(applied));
            application.Submit(Context(applied), who);
            application.Endorse(Context(applied.AddDays(2)), new ActorRef(Actor.LineManager, null, "Claire Dupont"), application.EndorsementNonce!.Value,
                "Avis favorable : le programme sert directement les projets du service.");
            application.StartReview(Context(decided), staff);
            if (cohort.Program.HasInterview) application.InviteToInterview(Context(decided.AddDays(2)), staff);
            application.Admit(Context(decided.AddDays(5)), staff, decided.AddDays(12));
            application.AcceptOffer(Context(decided.AddDays(6)), who);
            // Demo history, not news: nobody is emailed about it.
            application.ClearDomainEvents();
            db.Applications.Add(application);
            db.Enrollments.Add(Enrollment.Open(application.Id, cohort.Id, who, decided.AddDays(6)));
        }
        await db.SaveChangesAsync();
        return people.Select(p => p.User).ToList();
    }

    /// <summary>The cohort's calendar, saved in one go through <see cref="SessionStore"/>; the coach taken on and paired first.</summary>
    private static async Task<List<Session>> PlanAsync(CohortsDbContext db, Cohort cohort, CohortPlan plan, CohortsUser lead, CohortsUser coach,
        List<CohortsUser> coachees, DateTimeOffset now)
    {
        var window = SessionWindow.Of(cohort);
        var plannedAt = Earliest(now, window.From.AddDays(-14));
        db.CohortCoaches.Add(CohortCoach.Add(cohort.Id, coach.Id, plan.CoachCapacity, plannedAt));
        db.CoachPairings.AddRange(coachees.Select(c => CoachPairing.Pair(cohort.Id, coach.Id, c.Id, "Paul Responsable", plannedAt)));

        var sessions = new List<Session>();
        var start = CohortSessionsStart;
        var series = Guid.CreateVersion7(plannedAt);
        foreach (var day in Days(cohort, DayOfWeek.Tuesday).Skip(plan.RemoteFromWeek).Take(plan.RemoteCount ?? int.MaxValue))
            sessions.Add(Session.Plan(cohort.Id, new SessionDetails(SessionKind.Remote, plan.RemoteTitle, At(day, start), At(day, start.AddHours(2)),
                Mandatory: true, Hours: 2m, lead.Id, VideoLink: plan.VideoLink, Description: plan.RemoteDescription), window, plannedAt, series));

        var inPersonDays = plan.InPersonMonthly
            ? Enumerable.Range(0, plan.InPersonTitles.Count).Select(m => Next(cohort.StartsOn.AddMonths(m), DayOfWeek.Thursday))
            : Days(cohort, DayOfWeek.Thursday);
        foreach (var (day, n) in inPersonDays.Where(d => d <= cohort.EndsOn).Take(plan.InPersonTitles.Count).Select((d, n) => (d, n)))
            sessions.Add(Session.Plan(cohort.Id, new SessionDetails(SessionKind.InPerson, plan.InPersonTitles[n], At(day, start), At(day, new TimeOnly(17, 30)),
                Mandatory: true, Hours: 6.5m, lead.Id, Place: plan.Place, Address: plan.Address, Room: plan.Rooms[n % plan.Rooms.Count],
                Description: "Accueil café à 9 h 15. Déjeuner sur place, pris en charge."), window, plannedAt));

        foreach (var (day, n) in Days(cohort, plan.CoachingDay).Where((_, w) => w % plan.CoachingEveryWeeks == 0).Select((d, n) => (d, n)))
            foreach (var (coachee, i) in coachees.Select((c, i) => (c, i)))
            {
                var mode = Modes[(n + i) % Modes.Length];
                sessions.Add(Session.Plan(cohort.Id, new SessionDetails(SessionKind.Coaching, $"Accompagnement individuel n° {n + 1}",
                    At(day, new TimeOnly(14 + i, 0)), At(day, new TimeOnly(15 + i, 0)), Mandatory: false, Hours: 1m, coach.Id,
                    // On the phone, the coach calls: the place says so, so that the participant knows where it happens.
                    Place: mode switch { CoachingMode.InPerson => plan.Place, CoachingMode.Phone => "Par téléphone (le coach appelle)", _ => "" },
                    Address: mode == CoachingMode.InPerson ? plan.Address : "",
                    VideoLink: mode == CoachingMode.Video ? $"https://webinaire.numerique.gouv.fr/accompagnement-{Plain(coachee.LastName)}" : "",
                    ParticipantIds: [coachee.Id]), window, plannedAt));
            }

        db.Sessions.AddRange(sessions);
        var refusals = await SessionStore.SaveAsync(db, sessions, CancellationToken.None);
        if (refusals.Count > 0) throw new InvalidOperationException($"Demo sessions of {cohort.Name}: {string.Join(" ", refusals)}");
        // One remote class to come is called off: the calendar and the feeds show a cancellation.
        if (sessions.Where(s => s.Kind == SessionKind.Remote && !s.HasStarted(now)).OrderBy(s => s.StartsAt).Skip(1).FirstOrDefault() is { } called)
        {
            called.Cancel(CancelReason, now);
            await db.SaveChangesAsync();
        }
        return sessions;
    }

    /// <summary>Attendance of the sessions that have ended, one correction, the coaching logs but the latest, some ratings.</summary>
    private static async Task MarkAsync(CohortsDbContext db, List<Session> sessions, CohortPlan plan, List<CohortsUser> participants,
        CohortsUser candidate, CohortsUser lead, CohortsUser coach, DateTimeOffset now)
    {
        var ended = sessions.Where(s => s.HasEnded(now)).OrderBy(s => s.StartsAt).ToList();
        var held = ended.Where(s => s.IsCohortWide).ToList();
        var marker = new ActorRef(Actor.Coach, lead.Id, lead.FullName);
        foreach (var (session, n) in held.Select((s, n) => (s, n)))
            foreach (var (participant, p) in participants.Select((u, p) => (u, p)))
            {
                var markedAt = session.StartsAt.AddMinutes(20);
                var status = StatusOf(session, n, p, below: participant.Email == plan.BelowThresholdEmail, participant.Id == candidate.Id);
                if (n == 0 && p == participants.Count - 1)
                {
                    // Marked absent at the start, then arrived: the correction stays in the history.
                    var corrected = Attendance.Mark(session, participant.Id, AttendanceStatus.Absent, marker, markedAt);
                    corrected.Correct(session, AttendanceStatus.Late, marker, markedAt.AddMinutes(40));
                    db.Attendances.Add(corrected);
                    status = AttendanceStatus.Late;
                }
                else db.Attendances.Add(Attendance.Mark(session, participant.Id, status, marker, markedAt));
                // Some rate it; the demo candidate leaves their two latest sessions to rate in the demo.
                var latest = n >= held.Count - 2;
                if (AttendanceStatuses.Attended(status) && (n + p) % 3 != 1 && !(participant.Id == candidate.Id && latest))
                    db.SessionRatings.Add(SessionRating.Give(session, participant.Id, status, alreadyRated: false, 3 + (n + 2 * p) % 3,
                        Comments[(n + p) % Comments.Length], Earliest(now, session.EndsAt.AddHours(3))));
            }

        var coaching = ended.Where(s => s.Kind == SessionKind.Coaching).ToList();
        var coachRef = new ActorRef(Actor.Coach, coach.Id, coach.FullName);
        // The latest one is left for the coach to log (and mark).
        foreach (var (session, n) in coaching.SkipLast(1).Select((s, n) => (s, n)))
        {
            var loggedAt = Earliest(now, session.EndsAt.AddHours(2));
            foreach (var participant in session.ParticipantIds)
                db.Attendances.Add(Attendance.Mark(session, participant, AttendanceStatus.Present, coachRef, session.StartsAt.AddMinutes(5)));
            var (topics, summary, notes) = Logs[n % Logs.Length];
            db.CoachingLogs.Add(CoachingLog.Write(session, coach.Id, ParisTime.Today(session.StartsAt), 50 + 5 * (n % 4),
                Modes[n % Modes.Length], topics, summary, notes, loggedAt));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Most come; a few are late or excused. The participant below the threshold misses the in-person days and every other
    /// remote class: more than a fifth of the cohort's mandatory hours, which they can no longer make up.
    /// </summary>
    private static AttendanceStatus StatusOf(Session session, int n, int p, bool below, bool demoCandidate)
    {
        if (below)
            return session.Kind == SessionKind.InPerson ? (n % 3 == 1 ? AttendanceStatus.Excused : AttendanceStatus.Absent)
                : n % 2 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present;
        if (demoCandidate) return n % 5 == 3 ? AttendanceStatus.Late : AttendanceStatus.Present;
        return ((n + p) % 13, (n + p) % 7) switch
        {
            (5, _) => AttendanceStatus.Excused,
            (_, 2) => AttendanceStatus.Late,
            _ => AttendanceStatus.Present,
        };
    }

    /// <summary>The cohort's days falling on a day of the week, from its first day to its last.</summary>
    private static IEnumerable<DateOnly> Days(Cohort cohort, DayOfWeek dayOfWeek)
    {
        for (var day = Next(cohort.StartsOn, dayOfWeek); day <= cohort.EndsOn; day = day.AddDays(7)) yield return day;
    }

    private static DateOnly Next(DateOnly from, DayOfWeek dayOfWeek) => from.AddDays(((int)dayOfWeek - (int)from.DayOfWeek + 7) % 7);

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => ParisTime.FromParis(day.ToDateTime(time));

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Plain(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
