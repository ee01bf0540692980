using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;

namespace Cohorts.Web.Coaching;

/// <summary>
/// What a coach types to plan or change a coaching session (partial <c>_CoachingSessionFields</c>): the day and hours in
/// Paris time, where, and which of their coachees. The hours it counts for default to its length.
/// </summary>
public sealed class CoachingSessionInput
{
    [Required(ErrorMessage = "Indiquez le titre de la séance.")]
    [StringLength(Session.TitleMaxLength, ErrorMessage = "Le titre ne doit pas dépasser 200 caractères.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Indiquez le jour de la séance.")]
    public DateOnly? Day { get; set; }

    [Required(ErrorMessage = "Indiquez l'heure de début.")]
    public TimeOnly? StartsAt { get; set; }

    [Required(ErrorMessage = "Indiquez l'heure de fin.")]
    public TimeOnly? EndsAt { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "Le lieu ne doit pas dépasser 500 caractères.")]
    public string? Place { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "Le lien de visioconférence ne doit pas dépasser 500 caractères.")]
    public string? VideoLink { get; set; }

    /// <summary>Typed as text: "1,5" as well as "1.5".</summary>
    [StringLength(10, ErrorMessage = "Indiquez un nombre d'heures, par exemple 1,5.")]
    public string? Hours { get; set; }

    public bool Mandatory { get; set; }

    [StringLength(Session.DescriptionMaxLength, ErrorMessage = "La description ne doit pas dépasser 2000 caractères.")]
    public string? Description { get; set; }

    public List<string> Participants { get; set; } = [];

    public const string HoursMessage = "Indiquez un nombre d'heures, par exemple 1,5.";

    /// <summary>The session's details, or null with the field and its message (a day out of any calendar, hours that are no number).</summary>
    public (SessionDetails? Details, string? Field, string? Error) ToDetails(string coachId)
    {
        // Far-off years are no one's session, and would overflow the conversion to UTC.
        if (Day!.Value.Year is < 2000 or > 2200) return (null, "Input.Day", "Indiquez un jour de la promotion, par exemple 12/01/2027.");
        var startsAt = ParisTime.FromParis(Day!.Value.ToDateTime(StartsAt!.Value));
        var endsAt = ParisTime.FromParis(Day!.Value.ToDateTime(EndsAt!.Value));
        decimal hours;
        if (string.IsNullOrWhiteSpace(Hours)) hours = Math.Max(0, SessionDetails.LengthInHours(startsAt, endsAt));
        else if (SessionInput.ParseHours(Hours) is { } typed) hours = typed;
        else return (null, "Input.Hours", HoursMessage);
        return (new SessionDetails(SessionKind.Coaching, Title ?? "", startsAt, endsAt, Mandatory, hours, coachId, Place ?? "", "", "", VideoLink ?? "",
            Description ?? "", Participants.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList()), null, null);
    }

    public static CoachingSessionInput Of(Session session) => new()
    {
        Title = session.Title, Day = DateOnly.FromDateTime(ParisTime.ToParis(session.StartsAt).DateTime),
        StartsAt = TimeOnly.FromDateTime(ParisTime.ToParis(session.StartsAt).DateTime), EndsAt = TimeOnly.FromDateTime(ParisTime.ToParis(session.EndsAt).DateTime),
        Place = session.Place, VideoLink = session.VideoLink, Hours = session.Hours.ToString("0.##", FrenchDates.Culture), Mandatory = session.Mandatory,
        Description = session.Description, Participants = [.. session.ParticipantIds],
    };
}

/// <summary>A coachee the coach may name on a session.</summary>
public sealed record CoacheeOption(string Id, string Name);

/// <summary>The coaching session form's model: what was typed and whom the coach may choose.</summary>
public sealed record CoachingSessionForm(CoachingSessionInput Input, IReadOnlyList<CoacheeOption> Coachees);
