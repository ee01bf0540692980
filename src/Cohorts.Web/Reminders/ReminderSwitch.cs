namespace Cohorts.Web.Reminders;

/// <summary>
/// A reminder kind switched off for one cohort: its row's presence is the switch (no row: the kind is on). Who switched
/// it off and when, for the page that says so.
/// </summary>
public sealed class ReminderSwitch
{
    private ReminderSwitch() { }

    public int CohortId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateTimeOffset SwitchedOffAt { get; private set; }
    public string SwitchedOffBy { get; private set; } = "";

    public static ReminderSwitch Off(int cohortId, ReminderKind kind, string by, DateTimeOffset now) => new()
    {
        CohortId = cohortId,
        Kind = kind,
        SwitchedOffAt = now,
        SwitchedOffBy = by,
    };
}
