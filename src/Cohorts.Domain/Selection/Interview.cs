namespace Cohorts.Domain.Selection;

/// <summary>
/// A shortlisted candidate's interview ("entretien"): when, where or by which video link, before which panel of the
/// committee; then the panel's score on the rubric's scale and its notes, which count in the ranking as the rubric says.
/// </summary>
public sealed class Interview
{
    private Interview() { }

    public Guid ApplicationId { get; private set; }
    public int CohortId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int DurationMinutes { get; private set; }
    public string Place { get; private set; } = "";
    public string VideoLink { get; private set; } = "";
    /// <summary>The committee members who hold the interview.</summary>
    public IReadOnlyList<string> PanelIds { get; private set; } = [];
    public DateTimeOffset InvitedAt { get; private set; }
    public int? Score { get; private set; }
    public string Notes { get; private set; } = "";
    public DateTimeOffset? ScoredAt { get; private set; }
    public string? ScoredByName { get; private set; }
    /// <summary>Grows with each new invitation, so that the candidate's calendar replaces the previous one.</summary>
    public int Sequence { get; private set; }

    public const int TextMaxLength = 500;
    public const int NotesMaxLength = 4000;

    public static Interview Invite(Guid applicationId, int cohortId, DateTimeOffset at, int durationMinutes, string? place, string? videoLink,
        IReadOnlyList<string> panelIds, DateTimeOffset now)
    {
        var interview = new Interview { ApplicationId = applicationId, CohortId = cohortId };
        interview.Reschedule(at, durationMinutes, place, videoLink, panelIds, now);
        interview.Sequence = 0;
        return interview;
    }

    public void Reschedule(DateTimeOffset at, int durationMinutes, string? place, string? videoLink, IReadOnlyList<string> panelIds,
        DateTimeOffset now)
    {
        if (at <= now) throw new DomainException("L'entretien a lieu dans le futur.");
        if (durationMinutes is < 10 or > 240) throw new DomainException("Un entretien dure de 10 à 240 minutes.");
        place = place?.Trim() ?? "";
        videoLink = videoLink?.Trim() ?? "";
        if (place.Length == 0 && videoLink.Length == 0) throw new DomainException("Indiquez le lieu de l'entretien ou son lien de visioconférence.");
        if (place.Length > TextMaxLength) throw new DomainException($"Le lieu ne doit pas dépasser {TextMaxLength} caractères.");
        if (videoLink.Length > TextMaxLength) throw new DomainException($"Le lien ne doit pas dépasser {TextMaxLength} caractères.");
        if (videoLink.Length > 0 && !(Uri.TryCreate(videoLink, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            throw new DomainException("Le lien de visioconférence est une adresse qui commence par https://.");
        if (panelIds.Count == 0) throw new DomainException("Choisissez au moins un membre du jury pour l'entretien.");
        At = at.ToUniversalTime();
        DurationMinutes = durationMinutes;
        Place = place;
        VideoLink = videoLink;
        PanelIds = panelIds.Distinct().ToArray();
        InvitedAt = now;
        Sequence++;
    }

    public void RecordScore(int score, string? notes, Rubric rubric, SelectionSettings settings, string byName, DateTimeOffset now)
    {
        settings.EnsureScoringOpen();
        if (score < Rubric.ScaleMin || score > rubric.ScaleMax) throw new DomainException($"La note d'entretien va de {Rubric.ScaleMin} à {rubric.ScaleMax}.");
        if ((notes?.Trim().Length ?? 0) > NotesMaxLength) throw new DomainException($"Les notes ne doivent pas dépasser {NotesMaxLength} caractères.");
        Score = score;
        Notes = notes?.Trim() ?? "";
        ScoredAt = now;
        ScoredByName = byName;
    }
}
