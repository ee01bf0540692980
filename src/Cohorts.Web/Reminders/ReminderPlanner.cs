using Cohorts.Web.Emails;

namespace Cohorts.Web.Reminders;

/// <summary>One message a reminder writes: to whom, under which dedupe key (kind + subject + occasion), what, and its attachments.</summary>
public sealed record ReminderMessage(string To, string DedupeKey, Email Email, params EmailAttachment[] Attachments);

/// <summary>
/// One occasion of one subject's reminder, as the staff page lists it and the job sends it: to whom (names and addresses
/// for the page), about what, when, and the messages it writes once sent at an instant (their wording counts the time left
/// from that instant, not from when it was planned).
/// </summary>
public sealed record PlannedReminder(ReminderKind Kind, int CohortId, Guid? ApplicationId, string Recipients, string About,
    ReminderOccasion Occasion, IReadOnlyList<string> DedupeKeys, Func<DateTimeOffset, IReadOnlyList<ReminderMessage>> MessagesAt)
{
    public MessageConcerns Concerns => new(CohortId, ApplicationId);
}

/// <summary>
/// Who is due a reminder of one kind, and when: the one place that decides it, for the job (what is due now) and the
/// cohort's reminders page (what is to come). A subject's schedule follows <see cref="ReminderSchedule"/>.
/// </summary>
public abstract class ReminderPlanner(ReminderKind kind)
{
    public ReminderKind Kind { get; } = kind;
    protected ReminderSchedule Schedule { get; } = ReminderSchedule.Of(kind);

    /// <summary>
    /// The reminders whose window has not closed at <paramref name="now"/>, in one cohort or in all (null); with
    /// <paramref name="dueOnly"/>, only those due now: what a run sends.
    /// </summary>
    public abstract Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken);

    protected IEnumerable<ReminderOccasion> OccasionsOf(DateTimeOffset anchor, DateTimeOffset since, DateTimeOffset now, bool dueOnly) =>
        dueOnly ? Schedule.DueAt(anchor, since, now) is { } due ? [due] : [] : Schedule.NotOverAt(anchor, since, now);

    /// <summary>The reminder's dedupe key: kind, subject, occasion (with the date it counts from), and the recipient's role if several.</summary>
    protected string Key(string subject, ReminderOccasion occasion, string? recipient = null) =>
        $"{ReminderKinds.Slug(Kind)}:{subject}:{occasion.Key}{(recipient is null ? "" : $":{recipient}")}";

    /// <summary>How far from its anchor the furthest step falls: a deadline further ahead than this has nothing due yet.</summary>
    protected TimeSpan Reach => Schedule.Steps.Select(s => s.FromAnchor.Duration()).Max();
}
