using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Selection;

namespace Cohorts.Web.Selection;

/// <summary>What the interview form asks. The time is typed in Paris time, as on the cohort form, and stored in UTC.</summary>
public sealed class InterviewInput
{
    [Required(ErrorMessage = "Indiquez la date et l'heure de l'entretien.")]
    public DateTime? At { get; set; }

    [Required(ErrorMessage = "Indiquez la durée de l'entretien, en minutes.")]
    [Range(10, 240, ErrorMessage = "Un entretien dure de 10 à 240 minutes.")]
    public int? DurationMinutes { get; set; }

    [StringLength(Interview.TextMaxLength, ErrorMessage = "Le lieu ne doit pas dépasser 500 caractères.")]
    public string? Place { get; set; }

    [StringLength(Interview.TextMaxLength, ErrorMessage = "Le lien ne doit pas dépasser 500 caractères.")]
    public string? VideoLink { get; set; }

    /// <summary>The committee members chosen for the panel (their account ids).</summary>
    public List<string> Panel { get; set; } = [];

    /// <summary>
    /// The instant typed, or null for a date no calendar can hold (year 1 or 9999 from a hand-made post): converting it
    /// from Paris time would fall off the range of dates.
    /// </summary>
    public DateTimeOffset? AtUtc() => At is { Year: >= 2000 and <= 2999 } at ? ParisTime.FromParis(at) : null;

    public static InterviewInput Of(Interview interview) => new()
    {
        At = ParisTime.ToParis(interview.At).DateTime, DurationMinutes = interview.DurationMinutes, Place = interview.Place,
        VideoLink = interview.VideoLink, Panel = [.. interview.PanelIds],
    };
}

/// <summary>The panel's score of an interview, on the rubric's scale, and its notes.</summary>
public sealed class InterviewScoreInput
{
    [Required(ErrorMessage = "Indiquez la note de l'entretien.")]
    public int? Score { get; set; }

    [StringLength(Interview.NotesMaxLength, ErrorMessage = "Les notes ne doivent pas dépasser 4000 caractères.")]
    public string? Notes { get; set; }

    public static InterviewScoreInput Of(Interview interview) => new() { Score = interview.Score, Notes = interview.Notes };
}

/// <summary>The score form's fields (partial <c>_InterviewScoreFields</c>), on the rubric's scale.</summary>
public sealed record InterviewScoreForm(InterviewScoreInput Input, int ScaleMax);
