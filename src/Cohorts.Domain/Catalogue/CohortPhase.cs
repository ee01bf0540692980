namespace Cohorts.Domain.Catalogue;

/// <summary>Where a cohort stands in time, from the call for applications to its end.</summary>
public enum CohortPhase
{
    /// <summary>The call for applications is not open yet.</summary>
    Upcoming,
    /// <summary>Candidates can apply.</summary>
    OpenForApplications,
    /// <summary>The call is closed; the committee selects; the cohort has not started.</summary>
    Selecting,
    Running,
    Finished,
}

public static class CohortPhaseLabels
{
    public static string ToFrench(this CohortPhase phase) => phase switch
    {
        CohortPhase.Upcoming => "Candidatures bientôt ouvertes",
        CohortPhase.OpenForApplications => "Candidatures ouvertes",
        CohortPhase.Selecting => "Sélection en cours",
        CohortPhase.Running => "En cours",
        CohortPhase.Finished => "Terminée",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
