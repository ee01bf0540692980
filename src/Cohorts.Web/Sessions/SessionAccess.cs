using System.Security.Claims;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;

namespace Cohorts.Web.Sessions;

/// <summary>
/// Who sees which sessions, in one place. Staff: the sessions of the cohorts of their programs. A lead (facilitator,
/// coach): the sessions they lead. A participant: their cohort's in-person and remote sessions, and the coaching
/// sessions they are named on, never another participant's. Everything else does not exist for them (404).
/// </summary>
public static class SessionAccess
{
    /// <summary>The cohorts a person takes part in: those of their enrollments, unless they dropped out.</summary>
    public static IQueryable<int> CohortsOf(this CohortsDbContext db, string participantId) =>
        db.Enrollments.Where(e => e.ParticipantId == participantId && e.State != EnrollmentState.Dropped).Select(e => e.CohortId);

    /// <summary>The cohort's participants: every enrollment but those who dropped out.</summary>
    public static IQueryable<Enrollment> ParticipantsOf(this CohortsDbContext db, int cohortId) =>
        db.Enrollments.Where(e => e.CohortId == cohortId && e.State != EnrollmentState.Dropped);

    public static IQueryable<Session> ManagedBy(this IQueryable<Session> sessions, CohortsDbContext db, ClaimsPrincipal user)
    {
        var cohorts = db.Cohorts.ManagedBy(db, user).Select(c => c.Id);
        return sessions.Where(s => cohorts.Contains(s.CohortId));
    }

    public static IQueryable<Session> LedBy(this IQueryable<Session> sessions, string userId) => sessions.Where(s => s.LeadId == userId);

    /// <summary>The sessions a participant attends: their cohorts' sessions for all, and the coaching sessions they are named on.</summary>
    public static IQueryable<Session> AttendedBy(this IQueryable<Session> sessions, CohortsDbContext db, string participantId)
    {
        var cohorts = db.CohortsOf(participantId);
        return sessions.Where(s => cohorts.Contains(s.CohortId)
            && (s.Kind != SessionKind.Coaching || s.Participants.Any(p => p.ParticipantId == participantId)));
    }

    /// <summary>Everything in a person's own calendar (their feed): what they attend and what they lead.</summary>
    public static IQueryable<Session> InCalendarOf(this IQueryable<Session> sessions, CohortsDbContext db, string userId)
    {
        var cohorts = db.CohortsOf(userId);
        return sessions.Where(s => s.LeadId == userId
            || (cohorts.Contains(s.CohortId) && (s.Kind != SessionKind.Coaching || s.Participants.Any(p => p.ParticipantId == userId))));
    }

    /// <summary>Whether the user may mark the session's attendance: its lead, or its program's staff.</summary>
    public static IQueryable<Session> MarkableBy(this IQueryable<Session> sessions, CohortsDbContext db, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var cohorts = db.Cohorts.ManagedBy(db, user).Select(c => c.Id);
        return sessions.Where(s => s.LeadId == userId || cohorts.Contains(s.CohortId));
    }

    /// <summary>
    /// The account ids of who attends a session: the cohort's participants for an in-person or remote session, those
    /// named for a coaching session.
    /// </summary>
    public static IQueryable<string> AttendeesOf(this CohortsDbContext db, Session session) => session.IsCohortWide
        ? db.ParticipantsOf(session.CohortId).Select(e => e.ParticipantId)
        : db.SessionParticipants.Where(p => p.SessionId == session.Id).Select(p => p.ParticipantId);
}
