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
    // Declared before Definition: static initialisers run in the order of the file, and the table reads these.
    private static readonly Guard<EnrollmentContext> RulesMet = new("Les conditions de certification du programme sont remplies",
        c => c.RulesMet ? null : "Les conditions de certification du programme ne sont pas remplies.");

    private static readonly Guard<EnrollmentContext> RulesNotMet = new("Les conditions de certification du programme ne sont pas remplies",
        c => !c.RulesMet ? null : "Les conditions de certification sont remplies : le parcours doit être certifié.");

    private static readonly Guard<EnrollmentContext> ReasonGiven = new("Un motif d'abandon est indiqué",
        c => string.IsNullOrWhiteSpace(c.Reason) ? "Indiquez le motif de l'abandon." : null);

    public static Lifecycle<EnrollmentState, EnrollmentTrigger, EnrollmentContext, EnrollmentEvent> Definition { get; } = new(
        Enrolled,
        [
            new(Start, [Enrolled], InProgress, [ProgramManager, Actor.System], EnrollmentEvent.Started),
            new(Complete, [InProgress], Completed, [ProgramManager, Actor.System], EnrollmentEvent.Completed),
            new(Certify, [Completed], Certified, [ProgramManager, Actor.System], EnrollmentEvent.Certified, RulesMet),
            new(FailCertification, [Completed], NotCertified, [ProgramManager, Actor.System], EnrollmentEvent.NotCertified, RulesNotMet),
            new(Drop, [Enrolled, InProgress], Dropped, [ProgramManager, Candidate], EnrollmentEvent.Dropped, ReasonGiven),
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
