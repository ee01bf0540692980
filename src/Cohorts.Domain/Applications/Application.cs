using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Applications;

/// <summary>
/// One candidate's application to one cohort ("candidature"). It only moves through
/// <see cref="ApplicationWorkflow"/>: one method per trigger, each going through <see cref="Fire"/>,
/// which refuses an illegal move before changing anything and records every move in the history.
/// </summary>
public sealed class Application
{
    private readonly List<ApplicationTransition> _history = [];
    private readonly List<ApplicationRaised> _events = [];

    private Application() { }

    public Guid Id { get; private set; }
    public int CohortId { get; private set; }
    public string CandidateId { get; private set; } = "";
    public ApplicationState State { get; private set; }

    public Civility? Civility { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string ProfessionalEmail { get; private set; } = "";
    public int? AdministrationId { get; private set; }
    public string UnlistedAdministration { get; private set; } = "";
    public ServiceCategory? Category { get; private set; }
    public string Grade { get; private set; } = "";
    public string Position { get; private set; } = "";
    public string Motivation { get; private set; } = "";
    public bool AvailabilityCommitment { get; private set; }
    public string ManagerName { get; private set; } = "";
    public string ManagerEmail { get; private set; } = "";
    public Guid? CvDocumentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Identifies the one endorsement link in force: a new request, or a use, retires it.</summary>
    public Guid? EndorsementNonce { get; private set; }
    public string? EndorsementComment { get; private set; }
    /// <summary>While admitted: the instant the seat offer lapses. Kept afterwards as a record of what was offered.</summary>
    public DateTimeOffset? OfferExpiresAt { get; private set; }
    /// <summary>While waitlisted: the rank on the cohort's waitlist as the decisions published it.</summary>
    public int? WaitlistRank { get; private set; }
    /// <summary>PostgreSQL's xmin: two people saving the same application cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ApplicationTransition> History => _history;

    /// <summary>
    /// The events raised since they were last dispatched, each with the move that raised it. Not stored: the
    /// dispatcher that runs inside SaveChanges writes what they cause in the same transaction, then clears them.
    /// </summary>
    public IReadOnlyList<ApplicationRaised> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    public ApplicationDetails Details => new(Civility, FirstName, LastName, ProfessionalEmail, AdministrationId, Category,
        Grade, Position, Motivation, AvailabilityCommitment, ManagerName, ManagerEmail, UnlistedAdministration);

    public static Application Start(int cohortId, ActorRef candidate, ApplicationDetails prefill, DateTimeOffset now)
    {
        if (candidate.Kind != Actor.Candidate || candidate.UserId is null)
            throw new DomainException("Seul un candidat connecté peut déposer une candidature.");
        var application = new Application
        {
            Id = Guid.CreateVersion7(now),
            CohortId = cohortId,
            CandidateId = candidate.UserId,
            State = ApplicationWorkflow.Definition.Initial,
            CreatedAt = now,
        };
        application.Apply(prefill, now);
        application._history.Add(new ApplicationTransition(null, application.State, null, candidate, now, null));
        return application;
    }

    /// <summary>
    /// Saves the answers of a draft as typed, until the deadline, wrong formats included: they only stop the
    /// submission. A field beyond its length keeps its previous value; those fields are returned, so that the
    /// candidate is told exactly what was not saved.
    /// </summary>
    public IReadOnlyList<FieldProblem> SaveDraft(ApplicationDetails details, ApplicationContext context)
    {
        EnsureEditable(context);
        var notSaved = details.Problems(forSubmission: false).Where(p => p.Kind == ProblemKind.Refused).ToList();
        Apply(notSaved.Aggregate(details, (saved, problem) => saved.WithFieldOf(Details, problem.Field)), context.Now);
        return notSaved;
    }

    public void AttachCv(Guid documentId, ApplicationContext context)
    {
        EnsureEditable(context);
        CvDocumentId = documentId;
        UpdatedAt = context.Now;
    }

    /// <summary>What stands in the way of a submission, field by field (the CV included).</summary>
    public IReadOnlyList<FieldProblem> ProblemsBeforeSubmission()
    {
        var problems = Details.Problems(forSubmission: true).ToList();
        if (CvDocumentId is null) problems.Add(new("Cv", "Joignez votre CV au format PDF.", ProblemKind.Missing));
        return problems;
    }

    /// <summary>Submits, then asks for the line manager's endorsement when the program wants one.</summary>
    public IReadOnlyList<ApplicationEvent> Submit(ApplicationContext context, ActorRef candidate)
    {
        if (ProblemsBeforeSubmission() is [var first, ..]) throw new DomainException(first.Message);
        EnsureOwnedBy(candidate);
        var events = new List<ApplicationEvent> { Fire(ApplicationTrigger.Submit, candidate, context) };
        SubmittedAt = context.Now;
        if (context.RequiresEndorsement) events.Add(RequestEndorsement(context, ActorRef.System));
        return events;
    }

    /// <summary>Asks the line manager for the endorsement, with a new link: any earlier link stops working.</summary>
    public ApplicationEvent RequestEndorsement(ApplicationContext context, ActorRef by)
    {
        var moved = Fire(ApplicationTrigger.RequestEndorsement, by, context);
        EndorsementNonce = Guid.NewGuid();
        // The event carries its own link: a later move of the same save (an endorsement) retires the one in force.
        _events[^1] = _events[^1] with { EndorsementLink = EndorsementNonce };
        return moved;
    }

    public ApplicationEvent Endorse(ApplicationContext context, ActorRef manager, Guid nonce, string? comment)
    {
        EnsureNonce(nonce);
        var moved = Fire(ApplicationTrigger.Endorse, manager, context with { Reason = comment });
        EndorsementNonce = null;
        EndorsementComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return moved;
    }

    public ApplicationEvent RefuseEndorsement(ApplicationContext context, ActorRef manager, Guid nonce, string? comment)
    {
        EnsureNonce(nonce);
        var moved = Fire(ApplicationTrigger.RefuseEndorsement, manager, context with { Reason = comment });
        EndorsementNonce = null;
        EndorsementComment = comment?.Trim();
        return moved;
    }

    public ApplicationEvent StartReview(ApplicationContext context, ActorRef by) => Fire(ApplicationTrigger.StartReview, by, context);
    public ApplicationEvent InviteToInterview(ApplicationContext context, ActorRef by) => Fire(ApplicationTrigger.InviteToInterview, by, context);
    /// <summary>Offers a seat until <paramref name="offerExpiresAt"/> (the committee's published decision).</summary>
    public ApplicationEvent Admit(ApplicationContext context, ActorRef by, DateTimeOffset offerExpiresAt) =>
        Offer(Fire(ApplicationTrigger.Admit, by, context), context, offerExpiresAt);

    public ApplicationEvent Waitlist(ApplicationContext context, ActorRef by, int rank)
    {
        if (rank < 1) throw new DomainException("Le rang sur la liste complémentaire commence à 1.");
        var moved = Fire(ApplicationTrigger.Waitlist, by, context);
        WaitlistRank = rank;
        return moved;
    }

    public ApplicationEvent Reject(ApplicationContext context, ActorRef by) => Fire(ApplicationTrigger.Reject, by, context);

    /// <summary>Offers a freed seat to a waitlisted candidate, with a fresh deadline.</summary>
    public ApplicationEvent AdmitFromWaitlist(ApplicationContext context, ActorRef by, DateTimeOffset offerExpiresAt) =>
        Offer(Fire(ApplicationTrigger.AdmitFromWaitlist, by, context), context, offerExpiresAt);

    public ApplicationEvent ExpireOffer(ApplicationContext context) => Fire(ApplicationTrigger.ExpireOffer, ActorRef.System, context);

    /// <summary>An offer is open while the application is admitted and its deadline has not come.</summary>
    public bool OfferOpenAt(DateTimeOffset now) => State == ApplicationState.Admitted && (OfferExpiresAt is null || now < OfferExpiresAt);

    public const string OfferLapsedMessage =
        "Cette proposition n'est plus valable : le délai de réponse est dépassé.";

    public ApplicationEvent AcceptOffer(ApplicationContext context, ActorRef candidate)
    {
        EnsureOwnedBy(candidate);
        if (State == ApplicationState.Admitted && !OfferOpenAt(context.Now)) throw new DomainException(OfferLapsedMessage);
        return Fire(ApplicationTrigger.AcceptOffer, candidate, context);
    }

    private ApplicationEvent Offer(ApplicationEvent moved, ApplicationContext context, DateTimeOffset offerExpiresAt)
    {
        if (offerExpiresAt <= context.Now) throw new DomainException("Le délai de réponse d'une proposition de place est dans le futur.");
        OfferExpiresAt = offerExpiresAt.ToUniversalTime();
        WaitlistRank = null;
        return moved;
    }

    public ApplicationEvent DeclineOffer(ApplicationContext context, ActorRef candidate)
    {
        EnsureOwnedBy(candidate);
        if (State == ApplicationState.Admitted && !OfferOpenAt(context.Now)) throw new DomainException(OfferLapsedMessage);
        return Fire(ApplicationTrigger.DeclineOffer, candidate, context);
    }

    public ApplicationEvent MarkIneligible(ApplicationContext context, ActorRef by) => Fire(ApplicationTrigger.MarkIneligible, by, context);

    public ApplicationEvent Withdraw(ApplicationContext context, ActorRef candidate)
    {
        EnsureOwnedBy(candidate);
        var moved = Fire(ApplicationTrigger.Withdraw, candidate, context);
        EndorsementNonce = null;
        return moved;
    }

    /// <summary>
    /// The moves that need nothing but the actor and, where the guard asks, a reason. Admitting, waitlisting and rejecting
    /// are not among them: they are the committee's decisions, published together under the cohort's seats and caps.
    /// </summary>
    public static IReadOnlySet<ApplicationTrigger> PlainMoves { get; } = new HashSet<ApplicationTrigger>
    {
        ApplicationTrigger.StartReview, ApplicationTrigger.InviteToInterview, ApplicationTrigger.ExpireOffer, ApplicationTrigger.MarkIneligible,
    };

    /// <summary>
    /// A move chosen at run time (a staff form's button): a plain move, or a new endorsement request. The
    /// others (submitting, endorsing, answering an offer, withdrawing) are only reached through their methods.
    /// </summary>
    public ApplicationEvent Act(ApplicationTrigger trigger, ActorRef by, ApplicationContext context) => trigger switch
    {
        ApplicationTrigger.RequestEndorsement => RequestEndorsement(context, by),
        _ when PlainMoves.Contains(trigger) => Fire(trigger, by, context),
        _ => throw new DomainException($"Action « {ApplicationWorkflow.Label(trigger)} » impossible depuis cet écran."),
    };

    /// <summary>
    /// For the job that watches offers' deadlines: expires the offer if it is still open. If the candidate answered
    /// meanwhile, or an earlier run expired it, nothing happens and nothing is recorded. True when it moved.
    /// </summary>
    public bool ExpireOfferIfStillOpen(ApplicationContext context) =>
        !OfferOpenAt(context.Now) && MoveIfStillIn([ApplicationState.Admitted], ApplicationTrigger.ExpireOffer, ActorRef.System, context);

    /// <summary>
    /// A job's plain move, made only if the application is still in one of the states the job expected: otherwise
    /// nothing happens and nothing is recorded. True when it moved.
    /// </summary>
    public bool MoveIfStillIn(IReadOnlyCollection<ApplicationState> expected, ApplicationTrigger trigger, ActorRef by, ApplicationContext context)
    {
        if (!PlainMoves.Contains(trigger))
            throw new DomainException($"Action « {ApplicationWorkflow.Label(trigger)} » impossible depuis une tâche de fond.");
        if (ApplicationWorkflow.Definition.TryDecide(State, expected, trigger, by.Kind, context) is null) return false;
        Fire(trigger, by, context);
        return true;
    }

    /// <summary>
    /// The one place where the state changes: the lifecycle decides (or refuses, changing nothing),
    /// then the move and its reason are appended to the history.
    /// </summary>
    internal ApplicationEvent Fire(ApplicationTrigger trigger, ActorRef actor, ApplicationContext context)
    {
        var transition = ApplicationWorkflow.Definition.Decide(State, trigger, actor.Kind, context);
        var reason = string.IsNullOrWhiteSpace(context.Reason) ? null : context.Reason.Trim();
        var move = new ApplicationTransition(State, transition.To, trigger, actor, context.Now, reason);
        _history.Add(move);
        _events.Add(new(transition.Event, move));
        State = transition.To;
        UpdatedAt = context.Now;
        return transition.Event;
    }

    private void Apply(ApplicationDetails details, DateTimeOffset now)
    {
        Civility = details.Civility;
        FirstName = details.FirstName.Trim();
        LastName = details.LastName.Trim();
        ProfessionalEmail = details.ProfessionalEmail.Trim();
        AdministrationId = details.AdministrationId;
        UnlistedAdministration = details.AdministrationId is null ? details.UnlistedAdministration.Trim() : "";
        Category = details.Category;
        Grade = details.Grade.Trim();
        Position = details.Position.Trim();
        Motivation = details.Motivation;
        AvailabilityCommitment = details.AvailabilityCommitment;
        ManagerName = details.ManagerName.Trim();
        ManagerEmail = details.ManagerEmail.Trim();
        UpdatedAt = now;
    }

    private void EnsureEditable(ApplicationContext context)
    {
        if (State != ApplicationState.Draft)
            throw new DomainException("La candidature a été soumise : elle n'est plus modifiable.");
        if (context.PastDeadline) throw new DomainException(ApplicationContext.PastDeadlineMessage);
    }

    private void EnsureOwnedBy(ActorRef candidate)
    {
        if (candidate.Kind == Actor.Candidate && candidate.UserId != CandidateId)
            throw new DomainException("Cette candidature n'est pas la vôtre.");
    }

    private void EnsureNonce(Guid nonce)
    {
        if (EndorsementNonce is null || EndorsementNonce != nonce)
            throw new DomainException("Ce lien a déjà été utilisé ou a été remplacé : l'avis ne peut plus être donné par ce lien.");
    }
}
