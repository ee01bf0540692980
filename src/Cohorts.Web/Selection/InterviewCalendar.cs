using System.Text;
using Cohorts.Domain.Selection;
using Cohorts.Web.Emails;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cohorts.Web.Selection;

/// <summary>A person the calendar event names: the organiser, the candidate, a member of the panel.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>
/// The interview as a calendar event (.ics, RFC 5545), the one attached to every invitation of that interview. Its UID
/// is the application's, the same at every invitation, and its SEQUENCE is the interview's: a calendar that received
/// the first invitation replaces the event with a rescheduled one instead of adding a second. Times are in UTC, which
/// every calendar shows in its own zone, Paris for our users.
/// </summary>
public static class InterviewCalendar
{
    public const string FileName = "entretien.ics";
    public const string ContentType = "text/calendar; method=REQUEST; charset=utf-8";

    public static string Uid(Guid applicationId) => $"entretien-{applicationId}@cohorts";

    public static EmailAttachment Attachment(Interview interview, string program, string description, CalendarPerson organiser,
        CalendarPerson candidate, IReadOnlyList<CalendarPerson> panel) =>
        new(FileName, ContentType, Encoding.UTF8.GetBytes(Write(interview, program, description, organiser, candidate, panel)));

    public static string Write(Interview interview, string program, string description, CalendarPerson organiser,
        CalendarPerson candidate, IReadOnlyList<CalendarPerson> panel)
    {
        var start = interview.At.UtcDateTime;
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(interview.ApplicationId),
            Sequence = interview.Sequence,
            DtStamp = new CalDateTime(interview.InvitedAt.UtcDateTime),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(interview.DurationMinutes)),
            Summary = $"Entretien — {program}",
            Location = interview.Place.Length > 0 ? interview.Place : interview.VideoLink,
            Description = description,
            Status = "CONFIRMED",
            Organizer = new Organizer($"mailto:{organiser.Email}") { CommonName = organiser.Name },
        };
        if (interview.VideoLink.Length > 0) calendarEvent.Url = new Uri(interview.VideoLink);
        calendarEvent.Attendees.Add(Attendee(candidate));
        foreach (var member in panel) calendarEvent.Attendees.Add(Attendee(member));
        var calendar = new Calendar { Method = "REQUEST", ProductId = "-//Cohorts//Entretiens//FR" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static Attendee Attendee(CalendarPerson person) => new($"mailto:{person.Email}")
    {
        CommonName = person.Name,
        Role = "REQ-PARTICIPANT",
        ParticipationStatus = "NEEDS-ACTION",
        Rsvp = false,
    };
}
