using Cohorts.Web.Reminders;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>When each kind's reminders fall, and what a late run sends: the rules alone, no database.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Deadline = new(2027, 1, 15, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LongBefore = Deadline.AddDays(-60);

    private static string? Due(ReminderKind kind, DateTimeOffset anchor, DateTimeOffset since, DateTimeOffset now) =>
        ReminderSchedule.Of(kind).DueAt(anchor, since, now)?.Step.Name;

    // Hours from the deadline (negative: before) at which the job runs, and the step it sends, if any.
    [Theory]
    [InlineData(-24 * 8, null)]
    [InlineData(-24 * 7 - 1, null)]
    [InlineData(-24 * 7, "J-7")]
    [InlineData(-24 * 7 + 1, "J-7")]
    // Late by five days: still the 7-day reminder, worded with the days really left.
    [InlineData(-24 * 2, "J-7")]
    [InlineData(-24 - 1, "J-7")]
    // The 1-day reminder replaces the 7-day one: never "7 days left" when 1 is left.
    [InlineData(-24, "J-1")]
    [InlineData(-1, "J-1")]
    // The deadline has passed: nothing.
    [InlineData(0, null)]
    [InlineData(5, null)]
    public void An_application_deadline_reminder_falls_7_days_then_1_day_before_and_never_after_the_deadline(int hours, string? expected) =>
        Assert.Equal(expected, Due(ReminderKind.ApplicationDeadline, Deadline, LongBefore, Deadline.AddHours(hours)));

    [Theory]
    [InlineData(24 * 3 - 1, null)]
    [InlineData(24 * 3, "J+3")]
    [InlineData(24 * 7 - 1, "J+3")]
    [InlineData(24 * 7, "J+7")]
    [InlineData(24 * 14 - 1, "J+7")]
    // The first link has lapsed: staff send a new request, which re-arms the reminders.
    [InlineData(24 * 14, null)]
    public void An_endorsement_reminder_falls_3_days_then_7_days_after_the_request_while_its_first_link_lives(int hours, string? expected)
    {
        var requested = Deadline;
        Assert.Equal(expected, Due(ReminderKind.EndorsementPending, requested, requested, requested.AddHours(hours)));
    }

    [Theory]
    [InlineData(-24 * 3 - 1, null)]
    [InlineData(-24 * 3, "J-3")]
    [InlineData(-24, "J-1")]
    [InlineData(0, null)]
    public void A_reviews_reminder_falls_3_days_then_1_day_before_the_review_deadline(int hours, string? expected) =>
        Assert.Equal(expected, Due(ReminderKind.ReviewsDue, Deadline, LongBefore, Deadline.AddHours(hours)));

    [Fact]
    public void A_draft_begun_after_the_7_day_reminder_fell_gets_the_1_day_one_only()
    {
        var begun = Deadline.AddDays(-3);
        Assert.Null(Due(ReminderKind.ApplicationDeadline, Deadline, begun, begun.AddHours(1)));
        Assert.Equal("J-1", Due(ReminderKind.ApplicationDeadline, Deadline, begun, Deadline.AddHours(-2)));
        Assert.Equal(["J-1"], ReminderSchedule.Of(ReminderKind.ApplicationDeadline).NotOverAt(Deadline, begun, begun).Select(o => o.Step.Name));
    }

    [Fact]
    public void An_offer_made_with_less_than_2_days_to_answer_gets_no_reminder()
    {
        var offered = Deadline.AddHours(-36);
        Assert.Empty(ReminderSchedule.Of(ReminderKind.OfferExpiring).Occasions(Deadline, offered));
        Assert.Equal("J-2", Due(ReminderKind.OfferExpiring, Deadline, Deadline.AddDays(-7), Deadline.AddHours(-47)));
    }

    [Fact]
    public void An_occasion_names_the_date_it_counts_from_so_a_moved_deadline_makes_new_keys()
    {
        var schedule = ReminderSchedule.Of(ReminderKind.ApplicationDeadline);
        var before = schedule.Occasions(Deadline, LongBefore).Select(o => o.Key).ToList();
        var moved = schedule.Occasions(Deadline.AddDays(10), LongBefore).Select(o => o.Key).ToList();
        Assert.Equal(["20270115T110000Z:J-7", "20270115T110000Z:J-1"], before);
        Assert.Empty(before.Intersect(moved));
        Assert.Equal(before, schedule.Occasions(Deadline.ToOffset(TimeSpan.FromHours(1)), LongBefore).Select(o => o.Key));
    }

    [Theory]
    [InlineData(7 * 24 - 1, "7 jours")]
    [InlineData(5 * 24 + 3, "5 jours")]
    [InlineData(23, "un jour")]
    [InlineData(13, "un jour")]
    [InlineData(11, "quelques heures")]
    public void The_time_left_reads_in_whole_days(int hours, string expected) =>
        Assert.Equal(expected, ReminderKinds.Remaining(TimeSpan.FromHours(hours)));

    [Theory]
    [InlineData("ReviewsDue", true)]
    [InlineData("reviewsdue", false)]
    [InlineData("2", false)]
    [InlineData("ApplicationDeadline, ReviewsDue", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_kind_posted_by_a_form_is_read_by_its_exact_name_only(string? value, bool known) =>
        Assert.Equal(known, ReminderKinds.TryParse(value, out _));
}
