using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Enrollments;

/// <summary>
/// A participant's place in a cohort ("inscription"), opened when they accept their offer. It only moves through
/// <see cref="EnrollmentWorkflow"/>, each move recorded in its history.
/// </summary>
public sealed class Enrollment
{
    private readonly List<EnrollmentTransition> _history = [];

    private Enrollment() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int CohortId { get; private set; }
    public string ParticipantId { get; private set; } = "";
    public EnrollmentState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<EnrollmentTransition> History => _history;

    public static Enrollment Open(Guid applicationId, int cohortId, ActorRef participant, DateTimeOffset now)
    {
        if (participant.UserId is null) throw new DomainException("Une inscription appartient à un participant connecté.");
        var enrollment = new Enrollment
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = applicationId,
            CohortId = cohortId,
            ParticipantId = participant.UserId,
            State = EnrollmentWorkflow.Definition.Initial,
            CreatedAt = now,
        };
        enrollment._history.Add(new EnrollmentTransition(null, enrollment.State, null, participant, now, "Place acceptée"));
        return enrollment;
    }

    public EnrollmentEvent Fire(EnrollmentTrigger trigger, ActorRef actor, EnrollmentContext context)
    {
        var transition = EnrollmentWorkflow.Definition.Decide(State, trigger, actor.Kind, context);
        _history.Add(new EnrollmentTransition(State, transition.To, trigger, actor, context.Now,
            string.IsNullOrWhiteSpace(context.Reason) ? null : context.Reason.Trim()));
        State = transition.To;
        return transition.Event;
    }
}

/// <summary>One line of an enrollment's history (see <see cref="TransitionRecord{TState, TTrigger}"/>).</summary>
public sealed class EnrollmentTransition : TransitionRecord<EnrollmentState, EnrollmentTrigger>
{
    private EnrollmentTransition() { }

    internal EnrollmentTransition(EnrollmentState? from, EnrollmentState to, EnrollmentTrigger? trigger, ActorRef actor, DateTimeOffset at,
        string? reason)
        : base(from, to, trigger, actor, at, reason)
    {
    }

    public Guid EnrollmentId { get; private set; }
}
