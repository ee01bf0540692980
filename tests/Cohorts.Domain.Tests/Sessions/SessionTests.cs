using Cohorts.Domain.Sessions;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly SessionWindow Window = new(new DateOnly(2027, 1, 4), new DateOnly(2027, 6, 30));
    private static DateTimeOffset Paris(int month, int day, int hour, int minute = 0) => ParisTime.FromParis(new DateTime(2027, month, day, hour, minute, 0));

    private static SessionDetails InPerson(DateTimeOffset? start = null, DateTimeOffset? end = null, decimal? hours = null) =>
        new(SessionKind.InPerson, "Journée stratégie", start ?? Paris(1, 12, 9, 30), end ?? Paris(1, 12, 17), true, hours ?? 7.5m, "lead",
            Place: "Campus du numérique", Address: "20 avenue de Ségur", Room: "B12");

    private static SessionDetails Coaching(params string[] participants) =>
        new(SessionKind.Coaching, "Point d'étape", Paris(1, 13, 10), Paris(1, 13, 11), true, 1, "coach", ParticipantIds: participants);

    [Fact]
    public void A_planned_session_books_the_cohort_and_its_lead_and_a_coaching_session_its_participants()
    {
        var day = Session.Plan(7, InPerson(), Window, Now);
        Assert.Equal([(BookingRole.Cohort, null), (BookingRole.Lead, "lead")], day.Bookings.Select(b => (b.Role, b.PersonId)).ToList());
        Assert.All(day.Bookings, b => Assert.True(b.Active && b.StartsAt == Paris(1, 12, 9, 30) && b.EndsAt == Paris(1, 12, 17) && b.CohortId == 7));

        var coaching = Session.Plan(7, Coaching("p1", "p2"), Window, Now);
        Assert.Equal([(BookingRole.Lead, "coach"), (BookingRole.Participant, "p1"), (BookingRole.Participant, "p2")],
            coaching.Bookings.Select(b => (b.Role, b.PersonId)).ToList());
    }

    [Fact]
    public void A_change_raises_the_sequence_updates_the_bookings_in_place_and_nothing_changed_changes_nothing()
    {
        var session = Session.Plan(7, Coaching("p1", "p2"), Window, Now);
        var leadBooking = session.Bookings.Single(b => b.Role == BookingRole.Lead);
        Assert.False(session.Change(session.Details(), Window, Now.AddHours(1)));
        Assert.Equal(0, session.Sequence);

        Assert.True(session.Change(session.Details() with { StartsAt = Paris(1, 13, 14), EndsAt = Paris(1, 13, 15), ParticipantIds = ["p2", "p3"] },
            Window, Now.AddHours(1)));
        Assert.Equal(1, session.Sequence);
        Assert.Same(leadBooking, session.Bookings.Single(b => b.Role == BookingRole.Lead));
        Assert.Equal(Paris(1, 13, 14), leadBooking.StartsAt);
        Assert.Equal(["p2", "p3"], session.ParticipantIds.Order().ToList());
        Assert.Equal(["coach", "p2", "p3"], session.Bookings.Select(b => b.PersonId).Order().ToList());
    }

    [Fact]
    public void A_cancelled_session_frees_its_bookings_raises_its_sequence_and_cannot_change_or_be_cancelled_again()
    {
        var session = Session.Plan(7, InPerson(), Window, Now);
        session.Cancel("  Grève des transports ", Now.AddDays(1));
        Assert.True(session.IsCancelled);
        Assert.Equal("Grève des transports", session.CancelReason);
        Assert.Equal(1, session.Sequence);
        Assert.All(session.Bookings, b => Assert.False(b.Active));
        Assert.Equal("Cette séance est déjà annulée.", Assert.Throws<DomainException>(() => session.Cancel(null, Now)).Message);
        Assert.Throws<DomainException>(() => session.Change(InPerson(), Window, Now));
    }

    public static TheoryData<string, SessionDetails> Refusals() => new()
    {
        { "La séance doit finir après son début.", InPerson(end: Paris(1, 12, 9, 30)) },
        { "La séance doit finir après son début.", InPerson(start: Paris(1, 12, 17), end: Paris(1, 12, 9)) },
        { "Une séance dure au plus 12 heures.", InPerson(start: Paris(1, 12, 6), end: Paris(1, 12, 19), hours: 7) },
        { "La séance doit avoir lieu pendant la promotion, du 4 janvier 2027 au 30 juin 2027.", InPerson(start: Paris(1, 3, 23), end: Paris(1, 4, 1), hours: 1) },
        { "La séance doit avoir lieu pendant la promotion, du 4 janvier 2027 au 30 juin 2027.", InPerson(start: Paris(6, 30, 23), end: Paris(7, 1, 1), hours: 1) },
        { "Indiquez le nombre d'heures que la séance compte (plus de 0).", InPerson(hours: 0) },
        { "Une séance ne compte pas plus d'heures qu'elle n'en dure.", InPerson(hours: 8) },
        { "Les heures se comptent au centième près.", InPerson(hours: 7.125m) },
        { "Le titre de la séance est obligatoire.", InPerson() with { Title = "  " } },
        { "Indiquez le lieu de la séance en présentiel.", InPerson() with { Place = "" } },
        { "Choisissez qui anime la séance.", InPerson() with { LeadId = "" } },
        { "Indiquez le lien de visioconférence de la séance à distance.", InPerson() with { Kind = SessionKind.Remote, Place = "" } },
        { "Le lien de visioconférence doit être une adresse web complète (https://…).", InPerson() with { Kind = SessionKind.Remote, VideoLink = "javascript:alert(1)" } },
        { "Choisissez au moins un participant pour la séance d'accompagnement.", Coaching() },
        { "Une séance d'accompagnement réunit au plus 5 participants.", Coaching("a", "b", "c", "d", "e", "f") },
        { "Le coach ne peut pas être l'un des participants de sa séance.", Coaching("coach") },
        { "Une séance de la promotion réunit tous ses participants : on n'en choisit pas.", InPerson() with { ParticipantIds = ["p1"] } },
        { "Choisissez le type de séance.", InPerson() with { Kind = (SessionKind)9 } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_details_are_refused_in_French(string message, SessionDetails details) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => Session.Plan(7, details, Window, Now)).Message);

    [Fact]
    public void A_session_may_fill_the_cohort_from_its_first_midnight_to_the_midnight_after_its_last_day_in_Paris()
    {
        Session.Plan(7, InPerson(start: Paris(1, 4, 0), end: Paris(1, 4, 2), hours: 2), Window, Now);
        Session.Plan(7, InPerson(start: Paris(6, 30, 22), end: Paris(7, 1, 0), hours: 2), Window, Now);
    }

    [Fact]
    public void The_kind_of_a_session_does_not_change()
    {
        var session = Session.Plan(7, InPerson(), Window, Now);
        Assert.Equal("Le type d'une séance ne change pas : annulez-la et créez-en une autre.",
            Assert.Throws<DomainException>(() => session.Change(session.Details() with { Kind = SessionKind.Remote, VideoLink = "https://v.example" }, Window, Now)).Message);
    }
}

public sealed class AttendanceTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 12, 8, 30, 0, TimeSpan.Zero);
    private static readonly ActorRef Lead = new(Actor.Coach, "lead", "Claire Animatrice");
    private static readonly ActorRef Staff = new(Actor.ProgramManager, "staff", "Paul Responsable");

    private static Session Held() => Session.Plan(7, new SessionDetails(SessionKind.InPerson, "Journée", Start, Start.AddHours(3), true, 3, "lead",
        Place: "Campus"), new SessionWindow(new DateOnly(2027, 1, 4), new DateOnly(2027, 6, 30)), Start.AddDays(-10));

    [Fact]
    public void A_mark_and_its_corrections_are_kept_in_the_history()
    {
        var session = Held();
        var attendance = Attendance.Mark(session, "p1", AttendanceStatus.Absent, Lead, Start.AddMinutes(5));
        Assert.False(attendance.Correct(session, AttendanceStatus.Absent, Staff, Start.AddHours(1)));
        Assert.True(attendance.Correct(session, AttendanceStatus.Late, Staff, Start.AddHours(1)));
        Assert.Equal(AttendanceStatus.Late, attendance.Status);
        Assert.Equal([(null, AttendanceStatus.Absent, "Claire Animatrice"), (AttendanceStatus.Absent, AttendanceStatus.Late, "Paul Responsable")],
            attendance.History.Select(h => (h.From, h.To, h.ByName)).ToList());
    }

    [Fact]
    public void Attendance_is_refused_before_the_session_started_and_for_a_cancelled_one()
    {
        var session = Held();
        Assert.Equal("La séance n'a pas encore eu lieu : les présences se notent une fois qu'elle a commencé.",
            Assert.Throws<DomainException>(() => Attendance.Mark(session, "p1", AttendanceStatus.Present, Lead, Start.AddSeconds(-1))).Message);
        Attendance.Mark(session, "p1", AttendanceStatus.Present, Lead, Start);
        session.Cancel(null, Start.AddHours(4));
        Assert.Equal("Cette séance est annulée : il n'y a pas de présence à noter.",
            Assert.Throws<DomainException>(() => Attendance.Mark(session, "p2", AttendanceStatus.Present, Lead, Start.AddHours(5))).Message);
        Assert.Throws<DomainException>(() => Attendance.Mark(session, "p2", (AttendanceStatus)7, Lead, Start.AddHours(5)));
    }

    [Fact]
    public void Hours_are_over_every_planned_mandatory_hour_present_and_late_count_and_cancelled_sessions_count_for_nothing()
    {
        var hours = ParticipantHours.Of([
            new CountedSession(3, true, false, AttendanceStatus.Present),
            new CountedSession(2, true, false, AttendanceStatus.Late),
            new CountedSession(2, true, false, AttendanceStatus.Excused),
            new CountedSession(3, true, false, null),           // to come
            new CountedSession(4, false, false, AttendanceStatus.Present),
            new CountedSession(6, true, true, null),            // cancelled
        ]);
        Assert.Equal(new ParticipantHours(10, 5, 9, MissedMandatory: 2), hours);
        Assert.Equal(0.8m, hours.BestReachableRate);
        Assert.False(hours.OutOfReach(80));
        Assert.True(hours.OutOfReach(81));
        Assert.Equal(0.5m, hours.Rate);
        Assert.True(hours.Below(80));
        Assert.False(hours.Below(50));
        Assert.Null(ParticipantHours.Of([]).Rate);
        Assert.False(ParticipantHours.Of([]).Below(80));
    }
}

public sealed class CoachingAndRatingTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 13, 9, 0, 0, TimeSpan.Zero);

    private static Session Coaching() => Session.Plan(7, new SessionDetails(SessionKind.Coaching, "Point d'étape", Start, Start.AddHours(1), true, 1,
        "coach", ParticipantIds: ["p1"]), new SessionWindow(new DateOnly(2027, 1, 4), new DateOnly(2027, 6, 30)), Start.AddDays(-10));

    [Fact]
    public void Only_the_sessions_coach_logs_it_once_it_ended()
    {
        var session = Coaching();
        var after = Start.AddHours(2);
        Assert.Equal("Seul le coach de la séance peut en rédiger le compte rendu.", Assert.Throws<DomainException>(() =>
            CoachingLog.Write(session, "other", new DateOnly(2027, 1, 13), 60, CoachingMode.Video, "Posture", "Synthèse", "", after)).Message);
        Assert.Equal("La séance n'est pas encore terminée : le compte rendu se rédige après.", Assert.Throws<DomainException>(() =>
            CoachingLog.Write(session, "coach", new DateOnly(2027, 1, 13), 60, CoachingMode.Video, "Posture", "Synthèse", "", Start.AddMinutes(30))).Message);
        var log = CoachingLog.Write(session, "coach", new DateOnly(2027, 1, 13), 75, CoachingMode.Phone, " Posture ", "Synthèse", " Notes ", after);
        Assert.Equal((1.25m, "Posture", "Notes"), (log.Hours, log.Topics, log.PrivateNotes));
        Assert.Throws<DomainException>(() => log.Edit(session, "coach", new DateOnly(2027, 1, 13), 0, CoachingMode.Phone, "P", "S", "", after));
        Assert.Throws<DomainException>(() => log.Edit(session, "coach", new DateOnly(2027, 1, 20), 60, CoachingMode.Phone, "P", "S", "", after));
    }

    [Fact]
    public void A_rating_is_1_to_5_once_after_the_session_by_someone_who_attended()
    {
        var session = Coaching();
        var after = Start.AddHours(2);
        Assert.Equal("Choisissez une note de 1 à 5.", Assert.Throws<DomainException>(() =>
            SessionRating.Give(session, "p1", AttendanceStatus.Present, false, 0, "", after)).Message);
        Assert.Throws<DomainException>(() => SessionRating.Give(session, "p1", AttendanceStatus.Present, false, 6, "", after));
        Assert.Equal("Vous avez déjà donné votre avis sur cette séance : il ne se donne qu'une fois.", Assert.Throws<DomainException>(() =>
            SessionRating.Give(session, "p1", AttendanceStatus.Present, true, 4, "", after)).Message);
        Assert.Equal("Seuls les participants présents à la séance donnent leur avis.", Assert.Throws<DomainException>(() =>
            SessionRating.Give(session, "p1", AttendanceStatus.Absent, false, 4, "", after)).Message);
        Assert.Throws<DomainException>(() => SessionRating.Give(session, "p1", null, false, 4, "", after));
        Assert.Throws<DomainException>(() => SessionRating.Give(session, "p1", AttendanceStatus.Present, false, 4, "", Start.AddMinutes(10)));
        var rating = SessionRating.Give(session, "p1", AttendanceStatus.Late, false, 5, "  Très utile ", after);
        Assert.Equal((5, "Très utile"), (rating.Score, rating.Comment));
    }

    [Fact]
    public void A_coach_takes_coachees_up_to_their_limit()
    {
        var coach = CohortCoach.Add(7, "coach", 2, Start);
        coach.CheckRoomFor(1, "Hugo Coach");
        Assert.Equal("Hugo Coach accompagne déjà 2 participants, sa limite pour cette promotion.",
            Assert.Throws<DomainException>(() => coach.CheckRoomFor(2, "Hugo Coach")).Message);
        Assert.Throws<DomainException>(() => coach.SetCapacity(1, 2));
        Assert.Throws<DomainException>(() => CohortCoach.Add(7, "coach", 0, Start));
    }
}
