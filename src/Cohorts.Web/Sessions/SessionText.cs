using Cohorts.Domain;
using Cohorts.Domain.Sessions;

namespace Cohorts.Web.Sessions;

/// <summary>How a session reads on screen, in emails and in calendars: its day and hours in Paris, and where it is.</summary>
public static class SessionText
{
    /// <summary>"mardi 12 janvier 2027, de 14:00 à 16:00" (Paris time).</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var start = ParisTime.ToParis(startsAt);
        var end = ParisTime.ToParis(endsAt);
        var day = $"{start.ToString("dddd", FrenchDates.Culture)} {FrenchDates.Date(DateOnly.FromDateTime(start.DateTime))}";
        return start.Date == end.Date
            ? $"{day}, de {start:HH:mm} à {end:HH:mm}"
            : $"{day} à {start:HH:mm}, jusqu'au {FrenchDates.Date(DateOnly.FromDateTime(end.DateTime))} à {end:HH:mm}";
    }

    public static string When(Session session) => When(session.StartsAt, session.EndsAt);

    /// <summary>"14:00–16:00" in Paris time.</summary>
    public static string Hours(Session session) => $"{ParisTime.ToParis(session.StartsAt):HH:mm}–{ParisTime.ToParis(session.EndsAt):HH:mm}";

    /// <summary>Where it takes place, for those who attend: place, room, address; or the video link; or, for coaching, either.</summary>
    public static string Where(Session session)
    {
        var place = PlaceOnly(session);
        if (session.VideoLink.Length == 0) return place;
        return place.Length == 0 ? session.VideoLink : $"{place} — {session.VideoLink}";
    }

    /// <summary>Where it takes place without the video link: what anyone who may see the session but not join it reads.</summary>
    public static string PlaceOnly(Session session) =>
        string.Join(", ", new[] { session.Place, Room(session.Room), session.Address }.Where(p => p.Length > 0));

    private static readonly string[] RoomWords = ["salle", "amphi", "auditorium", "bureau", "espace", "atelier", "studio"];

    /// <summary>"salle B12"; a room typed "Salle Condorcet" or "Amphithéâtre Turgot" reads as typed.</summary>
    private static string Room(string room) =>
        room.Length == 0 ? "" : RoomWords.Any(w => room.StartsWith(w, StringComparison.OrdinalIgnoreCase)) ? room : $"salle {room}";

    /// <summary>"2 h", "1,5 h".</summary>
    public static string HoursCount(decimal hours) => $"{hours.ToString("0.##", FrenchDates.Culture)} h";
}
