using System.Text;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Emails;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cohorts.Web.Sessions;

/// <summary>What a calendar event needs to know of a session beyond the session itself.</summary>
public sealed record CalendarSession(Session Session, string ProgramName, string CohortName, string LeadName);

/// <summary>
/// Sessions as calendar events (RFC 5545, Ical.Net): in a person's feed, and attached to the emails about a session.
/// Each event keeps one UID for the session's whole life, its SEQUENCE is the session's, a cancelled session is
/// STATUS:CANCELLED, and times are Paris wall-clock times with the Europe/Paris VTIMEZONE: a calendar client applies
/// updates and cancellations to the event it already holds, and a session at 09:30 stays at 09:30 across the change of
/// time.
/// </summary>
public static class SessionCalendar
{
    public const string FeedContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Paris";

    public static string Uid(Guid sessionId) => $"seance-{sessionId}@cohorts";

    /// <summary>A person's feed: every session given, cancelled ones included (so that their calendar removes them).</summary>
    public static string Feed(string name, IEnumerable<CalendarSession> sessions, DateTimeOffset now)
    {
        var calendar = NewCalendar(method: "PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", $"Cohorts — {name}");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        foreach (var session in sessions) calendar.Events.Add(Event(session, now));
        return Serialize(calendar);
    }

    /// <summary>The .ics attached to an email about one session: REQUEST while it holds, CANCEL once cancelled.</summary>
    public static EmailAttachment Attachment(CalendarSession session, DateTimeOffset now)
    {
        var cancelled = session.Session.IsCancelled;
        var calendar = NewCalendar(cancelled ? "CANCEL" : "REQUEST");
        calendar.Events.Add(Event(session, now));
        var method = cancelled ? "CANCEL" : "REQUEST";
        return new EmailAttachment("seance.ics", $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(Serialize(calendar)));
    }

    private static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//Cohorts//Seances//FR" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        return calendar;
    }

    private static CalendarEvent Event(CalendarSession entry, DateTimeOffset now)
    {
        var session = entry.Session;
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(session.Id),
            Sequence = session.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime),
            LastModified = new CalDateTime(session.UpdatedAt.UtcDateTime),
            DtStart = Local(session.StartsAt),
            DtEnd = Local(session.EndsAt),
            Summary = session.IsCancelled ? $"Annulée : {session.Title}" : session.Title,
            Location = SessionText.Where(session),
            Description = Description(entry),
            Status = session.IsCancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
        };
        if (session.VideoLink.Length > 0 && Uri.TryCreate(session.VideoLink, UriKind.Absolute, out var link)) calendarEvent.Url = link;
        return calendarEvent;
    }

    private static string Description(CalendarSession entry)
    {
        var session = entry.Session;
        var lines = new List<string>
        {
            $"{SessionKinds.Label(session.Kind)} — {entry.ProgramName}, {entry.CohortName}",
            $"Animée par {entry.LeadName}",
            session.Mandatory ? $"Présence obligatoire ({SessionText.HoursCount(session.Hours)})" : $"Présence facultative ({SessionText.HoursCount(session.Hours)})",
        };
        if (session.Description.Length > 0) lines.Add(session.Description);
        if (session.IsCancelled) lines.Add(session.CancelReason is { } reason ? $"Séance annulée : {reason}" : "Séance annulée.");
        return string.Join("\n", lines);
    }

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(ParisTime.ToParis(instant).DateTime, DateTimeKind.Unspecified), TimeZoneId);

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;
}
