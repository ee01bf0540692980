namespace Cohorts.Web.Reminders;

/// <summary>The reminder catalogue: what each kind reminds of, to whom, and when.</summary>
public enum ReminderKind { ApplicationDeadline, EndorsementPending, ReviewsDue, OfferExpiring, SessionTomorrow, CoachingNotLogged, SatisfactionInvitation }

/// <summary>One reminder of a kind: its name in dedupe keys and on screen ("J-7"), and when it falls from the date it counts from.</summary>
public sealed record ReminderStep(string Name, TimeSpan FromAnchor);

/// <summary>
/// When a reminder is due, for one subject (a draft, an endorsement request, a reviewer's reviews in a cohort, an offer):
/// its steps counted from an anchor (the deadline, or the request), the instant the subject came to be, and the instant
/// after which nothing is worth sending. Pure rules, no I/O: the jobs and the staff page both ask them.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<ReminderStep> Steps, TimeSpan LastStepLasts)
{
    /// <summary>
    /// A step is sent in its window only: from its instant to the next step's (the last one's until its end, e.g. the
    /// deadline). A run late by a day or two, or a job that was down, therefore sends the latest step that still makes
    /// sense and never an earlier one ("7 days left" when 1 is left), and nothing once the deadline has passed. A step
    /// that fell before the subject existed is not its own (a draft begun 3 days before the deadline gets the 1-day
    /// reminder only; an offer made with 1 day to answer, no "2 days left").
    /// </summary>
    public IReadOnlyList<ReminderOccasion> Occasions(DateTimeOffset anchor, DateTimeOffset since)
    {
        var occasions = new List<ReminderOccasion>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var at = anchor + Steps[i].FromAnchor;
            var until = i + 1 < Steps.Count ? anchor + Steps[i + 1].FromAnchor : at + LastStepLasts;
            if (at < since) continue;
            occasions.Add(new ReminderOccasion(Steps[i], anchor, at, until));
        }
        return occasions;
    }

    /// <summary>The occasion whose window holds <paramref name="now"/>, if any: what a run at that instant sends.</summary>
    public ReminderOccasion? DueAt(DateTimeOffset anchor, DateTimeOffset since, DateTimeOffset now) =>
        Occasions(anchor, since).FirstOrDefault(o => o.At <= now && now < o.Until);

    /// <summary>What is still to come or due now: the occasions whose window has not closed.</summary>
    public IReadOnlyList<ReminderOccasion> NotOverAt(DateTimeOffset anchor, DateTimeOffset since, DateTimeOffset now) =>
        Occasions(anchor, since).Where(o => now < o.Until).ToList();

    public static ReminderSchedule Of(ReminderKind kind) => kind switch
    {
        // 7 days and 1 day before the cohort's deadline; the last one until the deadline itself.
        ReminderKind.ApplicationDeadline => new([new("J-7", TimeSpan.FromDays(-7)), new("J-1", TimeSpan.FromDays(-1))], TimeSpan.FromDays(1)),
        // 3 and 7 days after the request in force; the 7-day one while the first link lives (14 days from the request):
        // past that, staff send a new request, which re-arms both.
        ReminderKind.EndorsementPending => new([new("J+3", TimeSpan.FromDays(3)), new("J+7", TimeSpan.FromDays(7))], TimeSpan.FromDays(7)),
        ReminderKind.ReviewsDue => new([new("J-3", TimeSpan.FromDays(-3)), new("J-1", TimeSpan.FromDays(-1))], TimeSpan.FromDays(1)),
        ReminderKind.OfferExpiring => new([new("J-2", TimeSpan.FromDays(-2))], TimeSpan.FromDays(2)),
        // The day before the session starts, until it starts: a session planned less than a day ahead has no reminder of its
        // own (its people were emailed when it was planned).
        ReminderKind.SessionTomorrow => new([new("J-1", TimeSpan.FromDays(-1))], TimeSpan.FromDays(1)),
        // 48 hours after a coaching session ended, for a week: later than that, the coach's space still flags it.
        ReminderKind.CoachingNotLogged => new([new("H+48", TimeSpan.FromHours(48))], TimeSpan.FromDays(7)),
        // Once the session has ended, for a week: an invitation a month late reads as noise.
        ReminderKind.SatisfactionInvitation => new([new("fin", TimeSpan.Zero)], TimeSpan.FromDays(7)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>One step of one subject's schedule: counted from <paramref name="Anchor"/>, sent in [At, Until).</summary>
public sealed record ReminderOccasion(ReminderStep Step, DateTimeOffset Anchor, DateTimeOffset At, DateTimeOffset Until)
{
    /// <summary>
    /// The occasion in a dedupe key: the step and the date it counts from, so that a moved deadline (or a new request)
    /// makes new occasions and re-arms the reminders, while the same one, however often it is planned, is one key.
    /// </summary>
    public string Key => $"{Anchor.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}:{Step.Name}";
}

/// <summary>The kinds' names and wording, in one place.</summary>
public static class ReminderKinds
{
    public static IReadOnlyList<ReminderKind> All { get; } = Enum.GetValues<ReminderKind>();

    /// <summary>The kind in dedupe keys and in the recurring jobs' names.</summary>
    public static string Slug(ReminderKind kind) => kind switch
    {
        ReminderKind.ApplicationDeadline => "application-deadline",
        ReminderKind.EndorsementPending => "endorsement-pending",
        ReminderKind.ReviewsDue => "reviews-due",
        ReminderKind.OfferExpiring => "offer-expiring",
        ReminderKind.SessionTomorrow => "session-tomorrow",
        ReminderKind.CoachingNotLogged => "coaching-not-logged",
        ReminderKind.SatisfactionInvitation => "satisfaction-invitation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(ReminderKind kind) => kind switch
    {
        ReminderKind.ApplicationDeadline => "Date limite de dépôt",
        ReminderKind.EndorsementPending => "Avis hiérarchique en attente",
        ReminderKind.ReviewsDue => "Évaluations à rendre",
        ReminderKind.OfferExpiring => "Proposition de place bientôt expirée",
        ReminderKind.SessionTomorrow => "Séance le lendemain",
        ReminderKind.CoachingNotLogged => "Compte rendu de coaching à rédiger",
        ReminderKind.SatisfactionInvitation => "Avis sur une séance",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string When(ReminderKind kind) => kind switch
    {
        ReminderKind.ApplicationDeadline => "7 jours et 1 jour avant la date limite de dépôt, aux candidats dont la candidature est encore un brouillon",
        ReminderKind.EndorsementPending => "3 jours et 7 jours après la demande d'avis, au responsable hiérarchique (avec un nouveau lien) et au candidat",
        ReminderKind.ReviewsDue => "3 jours et 1 jour avant la date limite des évaluations, à chaque membre du jury qui a des évaluations non soumises, tant que l'évaluation n'est pas close",
        ReminderKind.OfferExpiring => "2 jours avant la fin du délai de réponse, au candidat admis qui n'a pas encore répondu",
        ReminderKind.SessionTomorrow => "La veille de chaque séance non annulée, à ses participants et à la personne qui l'anime, avec le lieu ou le lien et l'invitation d'agenda (.ics)",
        ReminderKind.CoachingNotLogged => "48 heures après la fin d'une séance de coaching sans compte rendu, au coach qui l'a menée",
        ReminderKind.SatisfactionInvitation => "Une fois la séance terminée, aux participants notés présents ou en retard qui n'ont pas encore donné leur avis",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The emails a reminder kind writes: their template (the outbox's kind, the mail journal's filter) and French label.</summary>
    public static IReadOnlyList<(string Template, string Label)> Emails(ReminderKind kind) => kind switch
    {
        ReminderKind.ApplicationDeadline => [(ApplicationDeadlineReminder.TemplateName, ApplicationDeadlineReminder.Label)],
        ReminderKind.EndorsementPending =>
        [
            (EndorsementReminderToManager.TemplateName, EndorsementReminderToManager.Label),
            (EndorsementReminderToCandidate.TemplateName, EndorsementReminderToCandidate.Label),
        ],
        ReminderKind.ReviewsDue => [(ReviewsDueReminder.TemplateName, ReviewsDueReminder.Label)],
        ReminderKind.OfferExpiring => [(OfferExpiringReminder.TemplateName, OfferExpiringReminder.Label)],
        ReminderKind.SessionTomorrow => [(SessionTomorrowReminder.TemplateName, SessionTomorrowReminder.Label)],
        ReminderKind.CoachingNotLogged => [(CoachingNotLoggedReminder.TemplateName, CoachingNotLoggedReminder.Label)],
        ReminderKind.SatisfactionInvitation => [(SatisfactionInvitation.TemplateName, SatisfactionInvitation.Label)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A kind by its exact name, as the page's forms post it: no number, no combination of names.</summary>
    public static bool TryParse(string? value, out ReminderKind kind)
    {
        kind = All.FirstOrDefault(k => k.ToString() == value);
        return All.Any(k => k.ToString() == value);
    }

    /// <summary>"7 jours", "1 jour", "quelques heures": what is left before a deadline, rounded to the day.</summary>
    public static string Remaining(TimeSpan left)
    {
        var days = (int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero);
        return days switch { >= 2 => $"{days} jours", 1 => "un jour", _ => "quelques heures" };
    }

    /// <summary>"plus que 2 jours", "plus qu'un jour", "plus que quelques heures": the time left of <see cref="Remaining"/> in a subject.</summary>
    public static string OnlyLeft(string remaining) =>
        remaining.StartsWith("un ", StringComparison.Ordinal) ? $"plus qu'{remaining}" : $"plus que {remaining}";
}
