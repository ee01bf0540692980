namespace Cohorts.Domain.Sessions;

/// <summary>
/// What staff (or a coach) say of a session. Times are instants (typed in Paris time, converted by the form). In-person
/// sessions have a place (and may have an address and a room), remote ones a video link; a coaching session names its
/// participants, one to <see cref="Session.MaxCoachingParticipants"/>. <see cref="Hours"/> is what the session counts
/// for in the participants' hours, at most its length.
/// </summary>
public sealed record SessionDetails(
    SessionKind Kind,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool Mandatory,
    decimal Hours,
    string LeadId,
    string Place = "",
    string Address = "",
    string Room = "",
    string VideoLink = "",
    string Description = "",
    IReadOnlyList<string>? ParticipantIds = null)
{
    public IReadOnlyList<string> Participants => ParticipantIds ?? [];

    /// <summary>The length of the session, in hours: the default of <see cref="Hours"/>.</summary>
    public static decimal LengthInHours(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        Math.Round((decimal)(endsAt - startsAt).TotalMinutes / 60m, 2);
}
