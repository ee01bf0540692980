namespace Cohorts.Domain.Sessions;

/// <summary>One session as it counts for one participant: its hours, whether it is mandatory, and their mark if any.</summary>
public sealed record CountedSession(decimal Hours, bool Mandatory, bool Cancelled, AttendanceStatus? Status);

/// <summary>
/// A participant's hours. The rate is over every mandatory hour planned for them in the whole cohort (sessions to come
/// included), not only those already held: a participant at 100 % of the first week has not done 100 % of the course.
/// Cancelled sessions count for nothing. <see cref="MissedMandatory"/> are the mandatory hours marked excused or absent:
/// what can no longer be attended.
/// </summary>
public sealed record ParticipantHours(decimal PlannedMandatory, decimal AttendedMandatory, decimal Attended, decimal MissedMandatory = 0)
{
    /// <summary>Share of planned mandatory hours attended, 0–1; null when nothing mandatory is planned.</summary>
    public decimal? Rate => PlannedMandatory == 0 ? null : Math.Round(AttendedMandatory / PlannedMandatory, 4);

    /// <summary>The best rate still within reach: every mandatory hour not missed yet attended.</summary>
    public decimal? BestReachableRate => PlannedMandatory == 0 ? null : Math.Round((PlannedMandatory - MissedMandatory) / PlannedMandatory, 4);

    /// <summary>Below the threshold now (in the middle of a cohort, most are: the rate counts the hours to come).</summary>
    public bool Below(int thresholdPercent) => Rate is { } rate && rate * 100 < thresholdPercent;

    /// <summary>Below the threshold for good: even attending every remaining mandatory hour would not reach it.</summary>
    public bool OutOfReach(int thresholdPercent) => BestReachableRate is { } best && best * 100 < thresholdPercent;

    public static ParticipantHours Of(IEnumerable<CountedSession> sessions)
    {
        decimal planned = 0, attendedMandatory = 0, attended = 0, missed = 0;
        foreach (var s in sessions.Where(s => !s.Cancelled))
        {
            var came = s.Status is { } status && AttendanceStatuses.Attended(status);
            if (s.Mandatory) planned += s.Hours;
            if (came) attended += s.Hours;
            if (came && s.Mandatory) attendedMandatory += s.Hours;
            if (s.Mandatory && s.Status is AttendanceStatus.Excused or AttendanceStatus.Absent) missed += s.Hours;
        }
        return new ParticipantHours(planned, attendedMandatory, attended, missed);
    }
}
