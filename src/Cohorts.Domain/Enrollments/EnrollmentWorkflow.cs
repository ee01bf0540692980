using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Enrollments.EnrollmentState;
using static Cohorts.Domain.Enrollments.EnrollmentTrigger;
using static Cohorts.Domain.Workflow.Actor;

namespace Cohorts.Domain.Enrollments;

public enum EnrollmentState { Enrolled, InProgress, Completed, Certified, NotCertified, Dropped }

public enum EnrollmentTrigger { Start, Complete, Certify, FailCertification, Drop }

public enum EnrollmentEvent { Started, Completed, Certified, NotCertified, Dropped }

/// <summary>What the guards of the enrollment lifecycle look at.</summary>
public sealed record EnrollmentContext(DateTimeOffset Now, bool RulesMet, string? Reason = null);

/// <summary>
/// The enrollment lifecycle (created when an offer is accepted), whole, on one screen. The certification
/// rules themselves are evaluated elsewhere; the guard only reads their verdict.
/// </summary>
public static class EnrollmentWorkflow
{
    public static Lifecycle<EnrollmentState, EnrollmentTrigger, EnrollmentContext, EnrollmentEvent> Definition { get; } = new(
        Enrolled,
        [
            new(Start, [Enrolled], InProgress, [ProgramManager, Actor.System], EnrollmentEvent.Started),
            new(Complete, [InProgress], Completed, [ProgramManager, Actor.System], EnrollmentEvent.Completed),
            new(Certify, [Completed], Certified, [ProgramManager, Actor.System], EnrollmentEvent.Certified,
                c => c.RulesMet ? null : "Les conditions de certification du programme ne sont pas remplies."),
            new(FailCertification, [Completed], NotCertified, [ProgramManager, Actor.System], EnrollmentEvent.NotCertified,
                c => !c.RulesMet ? null : "Les conditions de certification sont remplies : le parcours doit être certifié."),
            new(Drop, [Enrolled, InProgress], Dropped, [ProgramManager, Candidate], EnrollmentEvent.Dropped,
                c => string.IsNullOrWhiteSpace(c.Reason) ? "Indiquez le motif de l'abandon." : null),
        ],
        Label,
        Label);

    public static string Label(EnrollmentState state) => state switch
    {
        Enrolled => "Inscrit",
        InProgress => "En formation",
        Completed => "Parcours terminé",
        Certified => "Certifié",
        NotCertified => "Non certifié",
        Dropped => "Abandon",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Label(EnrollmentTrigger trigger) => trigger switch
    {
        Start => "Commencer le parcours",
        Complete => "Terminer le parcours",
        Certify => "Certifier",
        FailCertification => "Constater la non-certification",
        Drop => "Abandonner",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
