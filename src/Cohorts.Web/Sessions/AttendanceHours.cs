using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>A participant's figures in a cohort: their attendance hours (<see cref="ParticipantHours"/>) and the coaching hours logged for them.</summary>
public sealed record ParticipantRecord(string ParticipantId, ParticipantHours Hours, decimal CoachingHoursLogged);

/// <summary>
/// The one computation of participants' hours, for the staff's attendance page, the export, "Mon parcours", and the
/// certification rules to come: every session planned for them in the cohort (the cohort's sessions, and the coaching
/// sessions they are named on), with their mark, through <see cref="ParticipantHours.Of"/>.
/// </summary>
public static class AttendanceHours
{
    public static async Task<IReadOnlyDictionary<string, ParticipantRecord>> ForCohortAsync(CohortsDbContext db, int cohortId,
        CancellationToken cancellationToken, string? onlyParticipantId = null)
    {
        var participants = await db.ParticipantsOf(cohortId).Select(e => e.ParticipantId)
            .Where(id => onlyParticipantId == null || id == onlyParticipantId).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohortId)
            .Select(s => new { s.Id, s.Kind, s.Hours, s.Mandatory, Cancelled = s.CancelledAt != null, Named = s.Participants.Select(p => p.ParticipantId).ToList() })
            .ToListAsync(cancellationToken);
        var marks = await db.Attendances.AsNoTracking().Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == cohortId))
            .Where(a => onlyParticipantId == null || a.ParticipantId == onlyParticipantId)
            .Select(a => new { a.SessionId, a.ParticipantId, a.Status }).ToListAsync(cancellationToken);
        var marked = marks.ToDictionary(m => (m.SessionId, m.ParticipantId), m => m.Status);
        var logs = await db.CoachingLogs.AsNoTracking().Where(l => db.Sessions.Any(s => s.Id == l.SessionId && s.CohortId == cohortId && s.CancelledAt == null))
            .Select(l => new { l.SessionId, l.DurationMinutes }).ToListAsync(cancellationToken);
        var logged = logs.ToDictionary(l => l.SessionId, l => l.DurationMinutes);
        var records = new Dictionary<string, ParticipantRecord>();
        foreach (var participant in participants)
        {
            var theirs = sessions.Where(s => s.Kind != SessionKind.Coaching || s.Named.Contains(participant)).ToList();
            var hours = ParticipantHours.Of(theirs.Select(s => new CountedSession(s.Hours, s.Mandatory, s.Cancelled,
                marked.TryGetValue((s.Id, participant), out var status) ? status : null)));
            var coachingMinutes = theirs.Where(s => s.Kind == SessionKind.Coaching).Sum(s => logged.GetValueOrDefault(s.Id));
            records[participant] = new ParticipantRecord(participant, hours, Math.Round(coachingMinutes / 60m, 2));
        }
        return records;
    }

    public static async Task<ParticipantRecord?> ForParticipantAsync(CohortsDbContext db, int cohortId, string participantId,
        CancellationToken cancellationToken) =>
        (await ForCohortAsync(db, cohortId, cancellationToken, participantId)).GetValueOrDefault(participantId);
}
