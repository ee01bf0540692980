using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Sessions;

/// <summary>How a participant attended a session ("émargement"). Present and late count the session's hours as attended.</summary>
public enum AttendanceStatus { Present, Late, Excused, Absent }

public static class AttendanceStatuses
{
    public static IReadOnlyList<AttendanceStatus> All { get; } =
        [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Excused, AttendanceStatus.Absent];

    public static string Label(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Présent",
        AttendanceStatus.Late => "En retard",
        AttendanceStatus.Excused => "Excusé",
        AttendanceStatus.Absent => "Absent",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Whether the session's hours count as attended.</summary>
    public static bool Attended(AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.Late;
}

/// <summary>
/// One participant's attendance of one session, marked by its lead or staff once the session has started. A
/// correction keeps what it replaced in <see cref="History"/> (who, when, from, to).
/// </summary>
public sealed class Attendance
{
    private readonly List<AttendanceChange> _history = [];

    private Attendance() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string ParticipantId { get; private set; } = "";
    public AttendanceStatus Status { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<AttendanceChange> History => _history;

    public static Attendance Mark(Session session, string participantId, AttendanceStatus status, ActorRef who, DateTimeOffset now)
    {
        CheckMarkable(session, status, now);
        var attendance = new Attendance { Id = Guid.CreateVersion7(now), SessionId = session.Id, ParticipantId = participantId };
        attendance.Set(status, who, now, from: null);
        return attendance;
    }

    /// <summary>Changes the mark; returns false when it already is <paramref name="status"/> (nothing recorded).</summary>
    public bool Correct(Session session, AttendanceStatus status, ActorRef who, DateTimeOffset now)
    {
        CheckMarkable(session, status, now);
        if (status == Status) return false;
        Set(status, who, now, Status);
        return true;
    }

    private void Set(AttendanceStatus status, ActorRef who, DateTimeOffset now, AttendanceStatus? from)
    {
        Status = status;
        MarkedAt = now;
        _history.Add(new AttendanceChange(Id, from, status, who, now));
    }

    private static void CheckMarkable(Session session, AttendanceStatus status, DateTimeOffset now)
    {
        if (!Enum.IsDefined(status)) throw new DomainException("Choisissez présent, en retard, excusé ou absent.");
        if (session.IsCancelled) throw new DomainException("Cette séance est annulée : il n'y a pas de présence à noter.");
        if (!session.HasStarted(now)) throw new DomainException("La séance n'a pas encore eu lieu : les présences se notent une fois qu'elle a commencé.");
    }
}

/// <summary>One line of an attendance's history: a first mark (no <see cref="From"/>) or a correction.</summary>
public sealed class AttendanceChange
{
    private AttendanceChange() { }

    internal AttendanceChange(Guid attendanceId, AttendanceStatus? from, AttendanceStatus to, ActorRef who, DateTimeOffset at)
    {
        AttendanceId = attendanceId;
        From = from;
        To = to;
        ByUserId = who.UserId;
        ByName = who.Name;
        At = at;
    }

    public long Id { get; private set; }
    public Guid AttendanceId { get; private set; }
    public AttendanceStatus? From { get; private set; }
    public AttendanceStatus To { get; private set; }
    public string? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
