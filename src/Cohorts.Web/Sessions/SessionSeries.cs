using Cohorts.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Cohorts.Web.Sessions;

/// <summary>
/// The days of a weekly series ("every Tuesday 14:00–16:00 for 8 weeks", "… until 30 March"), computed by Ical.Net's
/// recurrence rules (RRULE FREQ=WEEKLY) on Paris wall-clock time: an occurrence after the last Sunday of October is at
/// 14:00 in Paris as the first one, not at 13:00 as adding seven times 24 hours to an instant would give.
/// </summary>
public static class SessionSeries
{
    public const int MostOccurrences = 52;

    /// <summary>Each occurrence's start and end, as instants; at most <see cref="MostOccurrences"/> and one more (to tell the series is too long).</summary>
    public static IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Weekly(DateOnly firstDay, TimeOnly starts, TimeOnly ends, int? weeks,
        DateOnly? until)
    {
        var rule = new RecurrencePattern(FrequencyType.Weekly, 1);
        if (weeks is { } count) rule.Count = count;
        // RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC. The last day counts whole, to its midnight in Paris.
        else if (until is { } last) rule.Until = new CalDateTime(ParisTime.StartOfDay(last.AddDays(1)).AddSeconds(-1).UtcDateTime);
        var recurring = new CalendarEvent
        {
            DtStart = new CalDateTime(firstDay.ToDateTime(starts), SessionCalendar.TimeZoneId),
            RecurrenceRule = rule,
        };
        return recurring.GetOccurrences().Take(MostOccurrences + 1)
            .Select(o => (new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero),
                ParisTime.FromParis(DateOnly.FromDateTime(o.Period.StartTime.Value).ToDateTime(ends))))
            .ToList();
    }
}
