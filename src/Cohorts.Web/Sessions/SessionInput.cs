using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cohorts.Web.Sessions;

/// <summary>
/// A session as staff type it: its day and its hours in Paris time (a <c>date</c> and two <c>time</c> fields), the rest
/// as the session holds it. The hours it counts for may be left empty: then they are its length. A series is edited
/// without a day (each occurrence keeps its own).
/// </summary>
public sealed class SessionInput
{
    public SessionKind? Kind { get; set; }

    [Required(ErrorMessage = "Le titre de la séance est obligatoire.")]
    [StringLength(Session.TitleMaxLength, ErrorMessage = "Le titre ne doit pas dépasser 200 caractères.")]
    public string? Title { get; set; }

    [StringLength(Session.DescriptionMaxLength, ErrorMessage = "La description ne doit pas dépasser 2000 caractères.")]
    public string? Description { get; set; }

    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Indiquez l'heure de début.")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Indiquez l'heure de fin.")]
    public TimeOnly? EndTime { get; set; }

    public bool Mandatory { get; set; } = true;

    /// <summary>Typed as text: "1,5" and "1.5" both read as one and a half hours.</summary>
    [StringLength(10, ErrorMessage = "Indiquez un nombre d'heures, par exemple 3 ou 1,5.")]
    public string? Hours { get; set; }

    [Required(ErrorMessage = "Choisissez qui anime la séance.")]
    public string? LeadId { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "Le lieu ne doit pas dépasser 500 caractères.")]
    public string? Place { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "L'adresse ne doit pas dépasser 500 caractères.")]
    public string? Address { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "La salle ne doit pas dépasser 500 caractères.")]
    public string? Room { get; set; }

    [StringLength(Session.TextMaxLength, ErrorMessage = "Le lien ne doit pas dépasser 500 caractères.")]
    public string? VideoLink { get; set; }

    /// <summary>A coaching session's participants (account ids).</summary>
    public List<string> Participants { get; set; } = [];

    public static SessionInput Of(Session session) => new()
    {
        Kind = session.Kind, Title = session.Title, Description = session.Description,
        Date = DateOnly.FromDateTime(ParisTime.ToParis(session.StartsAt).DateTime),
        StartTime = TimeOnly.FromDateTime(ParisTime.ToParis(session.StartsAt).DateTime),
        EndTime = TimeOnly.FromDateTime(ParisTime.ToParis(session.EndsAt).DateTime),
        Mandatory = session.Mandatory, Hours = session.Hours.ToString("0.##", FrenchDates.Culture), LeadId = session.LeadId,
        Place = session.Place, Address = session.Address, Room = session.Room, VideoLink = session.VideoLink,
        Participants = [.. session.ParticipantIds],
    };

    /// <summary>
    /// Adds to <paramref name="state"/> what the form alone can tell (a missing kind or day, an end before the start, hours
    /// that are no number); the session's own rules are the domain's.
    /// </summary>
    public void Check(ModelStateDictionary state, bool needsDate)
    {
        if (Kind is null && !HasError(state, "Input.Kind")) state.AddModelError("Input.Kind", "Choisissez le type de séance.");
        if (needsDate && Date is null && !HasError(state, "Input.Date")) state.AddModelError("Input.Date", "Indiquez le jour de la séance.");
        if (needsDate && Date is { Year: < 2000 or > 2999 }) state.AddModelError("Input.Date", "Indiquez un jour valide.");
        if (StartTime is { } start && EndTime is { } end && end <= start)
            state.AddModelError("Input.EndTime", "La séance doit finir après son début : l'heure de fin suit l'heure de début.");
        if (Hours is not null && ParsedHours() is null) state.AddModelError("Input.Hours", "Indiquez un nombre d'heures, par exemple 3 ou 1,5.");
    }

    private static bool HasError(ModelStateDictionary state, string key) => state.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The hours typed, or null when what is typed is no number.</summary>
    public decimal? ParsedHours() =>
        decimal.TryParse(Hours?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) ? hours : null;

    /// <summary>The session on <paramref name="day"/>, its times from Paris time; call after <see cref="Check"/> found nothing.</summary>
    public SessionDetails Details(DateOnly day)
    {
        var startsAt = ParisTime.FromParis(day.ToDateTime(StartTime!.Value));
        var endsAt = ParisTime.FromParis(day.ToDateTime(EndTime!.Value));
        return Details(startsAt, endsAt);
    }

    public SessionDetails Details(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var kind = Kind!.Value;
        return new SessionDetails(kind, Title ?? "", startsAt, endsAt, Mandatory, Hours is null ? SessionDetails.LengthInHours(startsAt, endsAt) : ParsedHours()!.Value,
            LeadId ?? "", Place ?? "", Address ?? "", Room ?? "", VideoLink ?? "", Description ?? "",
            kind == SessionKind.Coaching ? Participants.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList() : []);
    }
}
