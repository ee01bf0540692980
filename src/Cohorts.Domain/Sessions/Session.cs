namespace Cohorts.Domain.Sessions;

/// <summary>
/// A session of a cohort's calendar. Its times are instants (UTC); its <see cref="Sequence"/> goes up at every change
/// the people attending care about, so that calendars replace the event they hold (iCalendar SEQUENCE). A cancelled
/// session stays, marked cancelled, so that feeds can carry the cancellation. Its <see cref="Bookings"/> are the
/// places it takes in people's time, derived here and held clash-free by the database's exclusion constraints.
/// </summary>
public sealed class Session
{
    private readonly List<SessionParticipant> _participants = [];
    private readonly List<SessionBooking> _bookings = [];

    private Session() { }

    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 500;
    public const int DescriptionMaxLength = 2000;
    public const int MaxCoachingParticipants = 5;
    /// <summary>The longest a session can last: a full day, not two.</summary>
    public static readonly TimeSpan LongestLength = TimeSpan.FromHours(12);

    public Guid Id { get; private set; }
    public int CohortId { get; private set; }
    public SessionKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public bool Mandatory { get; private set; }
    public decimal Hours { get; private set; }
    /// <summary>The account of whoever leads it: a facilitator, or the coach of a coaching session.</summary>
    public string LeadId { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Room { get; private set; } = "";
    /// <summary>Shown only to the cohort's participants (a coaching session's own) and its lead.</summary>
    public string VideoLink { get; private set; } = "";
    /// <summary>The series it was created in ("every Tuesday for 8 weeks"), if any: editable as a whole.</summary>
    public Guid? SeriesId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public uint Version { get; private set; }

    /// <summary>A coaching session's participants (for in-person and remote sessions: the whole cohort, not listed).</summary>
    public IReadOnlyList<SessionParticipant> Participants => _participants;
    public IReadOnlyList<SessionBooking> Bookings => _bookings;

    public bool IsCohortWide => SessionKinds.IsCohortWide(Kind);
    public bool IsCancelled => CancelledAt is not null;
    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;
    public bool HasEnded(DateTimeOffset now) => EndsAt <= now;
    public IEnumerable<string> ParticipantIds => _participants.Select(p => p.ParticipantId);

    public static Session Plan(int cohortId, SessionDetails details, SessionWindow window, DateTimeOffset now, Guid? seriesId = null)
    {
        Check(details, window);
        var session = new Session
        {
            Id = Guid.CreateVersion7(now),
            CohortId = cohortId,
            Kind = details.Kind,
            SeriesId = seriesId,
            CreatedAt = now,
        };
        session.Apply(details, now);
        return session;
    }

    /// <summary>
    /// Changes the session. Its kind stays (a coaching session does not become a cohort's day). Returns whether
    /// anything changed; only then does the <see cref="Sequence"/> go up.
    /// </summary>
    public bool Change(SessionDetails details, SessionWindow window, DateTimeOffset now)
    {
        if (IsCancelled) throw new DomainException("Cette séance est annulée : elle ne peut plus être modifiée.");
        if (details.Kind != Kind) throw new DomainException("Le type d'une séance ne change pas : annulez-la et créez-en une autre.");
        Check(details, window);
        if (Same(details)) return false;
        Apply(details, now);
        Sequence++;
        return true;
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        if (IsCancelled) throw new DomainException("Cette séance est déjà annulée.");
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length > TextMaxLength) throw new DomainException($"Le motif ne doit pas dépasser {TextMaxLength} caractères.");
        CancelledAt = now;
        CancelReason = trimmed.Length == 0 ? null : trimmed;
        UpdatedAt = now;
        Sequence++;
        SyncBookings();
    }

    /// <summary>What the session says of itself now, to change one field and keep the others.</summary>
    public SessionDetails Details() => new(Kind, Title, StartsAt, EndsAt, Mandatory, Hours, LeadId, Place, Address, Room, VideoLink,
        Description, [.. ParticipantIds]);

    private bool Same(SessionDetails d) =>
        d.Title.Trim() == Title && d.Description.Trim() == Description && d.StartsAt.ToUniversalTime() == StartsAt
        && d.EndsAt.ToUniversalTime() == EndsAt && d.Mandatory == Mandatory && d.Hours == Hours && d.LeadId == LeadId
        && d.Place.Trim() == Place && d.Address.Trim() == Address && d.Room.Trim() == Room && d.VideoLink.Trim() == VideoLink
        && d.Participants.Order(StringComparer.Ordinal).SequenceEqual(ParticipantIds.Order(StringComparer.Ordinal));

    private void Apply(SessionDetails d, DateTimeOffset now)
    {
        Title = d.Title.Trim();
        Description = d.Description.Trim();
        StartsAt = d.StartsAt.ToUniversalTime();
        EndsAt = d.EndsAt.ToUniversalTime();
        Mandatory = d.Mandatory;
        Hours = d.Hours;
        LeadId = d.LeadId;
        Place = d.Place.Trim();
        Address = d.Address.Trim();
        Room = d.Room.Trim();
        VideoLink = d.VideoLink.Trim();
        UpdatedAt = now;
        var wanted = d.Participants.Distinct(StringComparer.Ordinal).ToList();
        _participants.RemoveAll(p => !wanted.Contains(p.ParticipantId));
        foreach (var id in wanted.Where(id => _participants.All(p => p.ParticipantId != id)))
            _participants.Add(new SessionParticipant(Id, id));
        SyncBookings();
    }

    /// <summary>
    /// The places this session takes in people's time: the whole cohort's (in-person, remote), its lead's, and each
    /// coaching participant's. Rows are kept and updated in place (never deleted and re-added), so that the database's
    /// exclusion constraints, checked row by row, never see a session clash with itself.
    /// </summary>
    private void SyncBookings()
    {
        var wanted = new List<(BookingRole Role, string? PersonId)>();
        if (IsCohortWide) wanted.Add((BookingRole.Cohort, null));
        wanted.Add((BookingRole.Lead, LeadId));
        if (!IsCohortWide) wanted.AddRange(ParticipantIds.Select(id => (BookingRole.Participant, (string?)id)));
        _bookings.RemoveAll(b => !wanted.Contains((b.Role, b.PersonId)));
        foreach (var (role, person) in wanted)
        {
            var booking = _bookings.SingleOrDefault(b => b.Role == role && b.PersonId == person);
            if (booking is null) _bookings.Add(booking = new SessionBooking(Id, CohortId, role, person));
            booking.Hold(StartsAt, EndsAt, !IsCancelled);
        }
    }

    private static void Check(SessionDetails d, SessionWindow window)
    {
        if (!Enum.IsDefined(d.Kind)) throw new DomainException("Choisissez le type de séance.");
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Le titre de la séance est obligatoire.");
        if (d.Title.Trim().Length > TitleMaxLength) throw new DomainException($"Le titre ne doit pas dépasser {TitleMaxLength} caractères.");
        if (d.Description.Trim().Length > DescriptionMaxLength)
            throw new DomainException($"La description ne doit pas dépasser {DescriptionMaxLength} caractères.");
        foreach (var (text, what) in new[] { (d.Place, "Le lieu"), (d.Address, "L'adresse"), (d.Room, "La salle"), (d.VideoLink, "Le lien de visioconférence") })
            if (text.Trim().Length > TextMaxLength) throw new DomainException($"{what} ne doit pas dépasser {TextMaxLength} caractères.");
        if (d.EndsAt <= d.StartsAt) throw new DomainException("La séance doit finir après son début.");
        if (d.EndsAt - d.StartsAt > LongestLength) throw new DomainException("Une séance dure au plus 12 heures.");
        if (!window.Holds(d.StartsAt, d.EndsAt))
            throw new DomainException($"La séance doit avoir lieu pendant la promotion, du {FrenchDates.Date(window.StartsOn)} au {FrenchDates.Date(window.EndsOn)}.");
        if (d.Hours <= 0) throw new DomainException("Indiquez le nombre d'heures que la séance compte (plus de 0).");
        if (d.Hours > SessionDetails.LengthInHours(d.StartsAt, d.EndsAt))
            throw new DomainException("Une séance ne compte pas plus d'heures qu'elle n'en dure.");
        if (decimal.Round(d.Hours, 2) != d.Hours) throw new DomainException("Les heures se comptent au centième près.");
        if (string.IsNullOrWhiteSpace(d.LeadId)) throw new DomainException("Choisissez qui anime la séance.");
        switch (d.Kind)
        {
            case SessionKind.InPerson when string.IsNullOrWhiteSpace(d.Place):
                throw new DomainException("Indiquez le lieu de la séance en présentiel.");
            case SessionKind.Remote when string.IsNullOrWhiteSpace(d.VideoLink):
                throw new DomainException("Indiquez le lien de visioconférence de la séance à distance.");
            case SessionKind.Remote when !IsWebAddress(d.VideoLink.Trim()):
                throw new DomainException("Le lien de visioconférence doit être une adresse web complète (https://…).");
            case SessionKind.Coaching when d.Participants.Count == 0:
                throw new DomainException("Choisissez au moins un participant pour la séance d'accompagnement.");
            case SessionKind.Coaching when d.Participants.Distinct().Count() > MaxCoachingParticipants:
                throw new DomainException($"Une séance d'accompagnement réunit au plus {MaxCoachingParticipants} participants.");
            case SessionKind.Coaching when d.Participants.Contains(d.LeadId):
                throw new DomainException("Le coach ne peut pas être l'un des participants de sa séance.");
        }
        if (d.Kind != SessionKind.Coaching && d.Participants.Count > 0)
            throw new DomainException("Une séance de la promotion réunit tous ses participants : on n'en choisit pas.");
        if (d.VideoLink.Trim().Length > 0 && !IsWebAddress(d.VideoLink.Trim()))
            throw new DomainException("Le lien de visioconférence doit être une adresse web complète (https://…).");
    }

    internal static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0;
}

/// <summary>A participant named on a coaching session.</summary>
public sealed class SessionParticipant
{
    private SessionParticipant() { }

    internal SessionParticipant(Guid sessionId, string participantId)
    {
        SessionId = sessionId;
        ParticipantId = participantId;
    }

    public Guid SessionId { get; private set; }
    public string ParticipantId { get; private set; } = "";
}

/// <summary>Whose time a booking takes: the whole cohort's (in-person, remote), the lead's, or a coaching participant's.</summary>
public enum BookingRole { Cohort, Lead, Participant }

/// <summary>
/// One place a session takes in someone's time, from its start to its end. The database refuses, by exclusion
/// constraints over <c>tstzrange(starts_at, ends_at)</c> of the active bookings: one person in two overlapping
/// sessions; two overlapping sessions of the same cohort; a coaching participant during a session of their cohort.
/// </summary>
public sealed class SessionBooking
{
    private SessionBooking() { }

    internal SessionBooking(Guid sessionId, int cohortId, BookingRole role, string? personId)
    {
        SessionId = sessionId;
        CohortId = cohortId;
        Role = role;
        PersonId = personId;
    }

    public long Id { get; private set; }
    public Guid SessionId { get; private set; }
    public int CohortId { get; private set; }
    public BookingRole Role { get; private set; }
    /// <summary>Null for the cohort's booking.</summary>
    public string? PersonId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public bool Active { get; private set; }

    internal void Hold(DateTimeOffset startsAt, DateTimeOffset endsAt, bool active)
    {
        StartsAt = startsAt;
        EndsAt = endsAt;
        Active = active;
    }
}
