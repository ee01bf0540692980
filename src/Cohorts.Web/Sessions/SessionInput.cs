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
    /// What the occurrences of a series share, field by field: the value most of them hold (the earliest one's on a tie).
    /// An occurrence changed on its own (a title, a room) does not speak for the whole series.
    /// </summary>
    public static SessionInput SharedBy(IReadOnlyList<Session> occurrences)
    {
        var inputs = occurrences.OrderBy(s => s.StartsAt).Select(Of).ToList();
        T Most<T>(Func<SessionInput, T> field) => inputs.GroupBy(field).OrderByDescending(g => g.Count()).First().Key;
        var participants = Most(i => string.Join(' ', i.Participants.Order(StringComparer.Ordinal)));
        return new SessionInput
        {
            Kind = inputs[0].Kind, Title = Most(i => i.Title), Description = Most(i => i.Description), StartTime = Most(i => i.StartTime),
            EndTime = Most(i => i.EndTime), Mandatory = Most(i => i.Mandatory), Hours = Most(i => i.Hours), LeadId = Most(i => i.LeadId),
            Place = Most(i => i.Place), Address = Most(i => i.Address), Room = Most(i => i.Room), VideoLink = Most(i => i.VideoLink),
            Participants = participants.Length == 0 ? [] : [.. participants.Split(' ')],
        };
    }

    /// <summary>
    /// One occurrence after a change of its series: each field typed differently from what the series shared (<paramref name="shared"/>)
    /// takes the new value; a field left as shown keeps the occurrence's own. Hours left as shown follow new times when
    /// they were the occurrence's length.
    /// </summary>
    public SessionInput AppliedTo(Session occurrence, SessionInput shared)
    {
        var own = Of(occurrence);
        T Pick<T>(Func<SessionInput, T> field) => EqualityComparer<T>.Default.Equals(field(this), field(shared)) ? field(own) : field(this);
        var merged = new SessionInput
        {
            Kind = own.Kind, Title = Pick(i => i.Title), Description = Pick(i => i.Description), StartTime = Pick(i => i.StartTime),
            EndTime = Pick(i => i.EndTime), Mandatory = Pick(i => i.Mandatory), Hours = Pick(i => i.Hours), LeadId = Pick(i => i.LeadId),
            Place = Pick(i => i.Place), Address = Pick(i => i.Address), Room = Pick(i => i.Room), VideoLink = Pick(i => i.VideoLink),
            Participants = string.Join(' ', Participants.Order(StringComparer.Ordinal)) == string.Join(' ', shared.Participants.Order(StringComparer.Ordinal))
                ? own.Participants : Participants,
        };
        var timesMoved = merged.StartTime != own.StartTime || merged.EndTime != own.EndTime;
        if (timesMoved && merged.Hours == own.Hours && occurrence.Hours == SessionDetails.LengthInHours(occurrence.StartsAt, occurrence.EndsAt))
            merged.Hours = null;
        return merged;
    }

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
    public decimal? ParsedHours() => ParseHours(Hours);

    /// <summary>Hours as staff and coaches type them: "1,5" as well as "1.5"; null for what is no number.</summary>
    public static decimal? ParseHours(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) ? hours : null;

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
