namespace Cohorts.Domain.Selection;

/// <summary>An application to give reviewers to; the reviewers of its administration never review it.</summary>
public sealed record AssignableApplication(Guid ApplicationId, int? AdministrationId);

/// <summary>A member of the cohort's committee.</summary>
public sealed record CommitteeReviewer(string ReviewerId, string Name, int? AdministrationId);

public sealed record AssignmentPair(Guid ApplicationId, string ReviewerId);

/// <summary>An application left with fewer reviewers than asked, and why, in French.</summary>
public sealed record Unfilled(Guid ApplicationId, int Missing, string Reason);

public sealed record AssignmentPlan(IReadOnlyList<AssignmentPair> Added, IReadOnlyList<Unfilled> Unfilled);

/// <summary>
/// Gives each application its reviewers, the least loaded first, so that the work is shared evenly: never a reviewer
/// of the candidate's administration, never a pair excluded (a declared conflict, an assignment removed earlier).
/// </summary>
public static class AutoAssignment
{
    /// <param name="applications">In the order they are served: the first ones get the least loaded reviewers.</param>
    /// <param name="active">The cohort's active assignments: they count towards each application and each reviewer's load.</param>
    public static AssignmentPlan Assign(
        IReadOnlyList<AssignableApplication> applications,
        IReadOnlyList<CommitteeReviewer> reviewers,
        IReadOnlyList<AssignmentPair> active,
        IReadOnlyList<AssignmentPair> excluded,
        int perApplication)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(excluded);

        var committee = reviewers
            .DistinctBy(r => r.ReviewerId, StringComparer.Ordinal)
            .OrderBy(r => r.ReviewerId, StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<string, int>(committee.Length, StringComparer.Ordinal);
        for (var r = 0; r < committee.Length; r++) index[committee[r].ReviewerId] = r;

        var load = new int[committee.Length];
        var assigned = new HashSet<AssignmentPair>(active);
        var perApplicationCount = new Dictionary<Guid, int>();
        foreach (var pair in assigned)
        {
            perApplicationCount[pair.ApplicationId] = perApplicationCount.GetValueOrDefault(pair.ApplicationId) + 1;
            if (index.TryGetValue(pair.ReviewerId, out var r)) load[r]++;
        }
        var barred = new HashSet<AssignmentPair>(excluded);

        var added = new List<AssignmentPair>();
        var unfilled = new List<Unfilled>();
        var seen = new HashSet<Guid>();
        var eligible = new List<int>(committee.Length);
        foreach (var application in applications)
        {
            if (!seen.Add(application.ApplicationId)) continue;
            var missing = perApplication - perApplicationCount.GetValueOrDefault(application.ApplicationId);
            if (missing <= 0) continue;

            eligible.Clear();
            for (var r = 0; r < committee.Length; r++)
            {
                var reviewer = committee[r];
                if (application.AdministrationId is { } administration && reviewer.AdministrationId == administration) continue;
                var pair = new AssignmentPair(application.ApplicationId, reviewer.ReviewerId);
                if (assigned.Contains(pair) || barred.Contains(pair)) continue;
                eligible.Add(r);
            }

            var picks = Math.Min(missing, eligible.Count);
            for (var p = 0; p < picks; p++)
            {
                // The committee is sorted by identifier and the scan keeps the first of the least loaded: ties go to
                // the lowest identifier.
                var best = 0;
                for (var e = 1; e < eligible.Count; e++)
                    if (load[eligible[e]] < load[eligible[best]]) best = e;
                var chosen = eligible[best];
                eligible.RemoveAt(best);
                load[chosen]++;
                var pair = new AssignmentPair(application.ApplicationId, committee[chosen].ReviewerId);
                assigned.Add(pair);
                added.Add(pair);
            }

            if (picks < missing)
                unfilled.Add(new Unfilled(application.ApplicationId, missing - picks, UnfilledReason(missing - picks, picks)));
        }
        return new AssignmentPlan(added, unfilled);
    }

    private static string UnfilledReason(int missing, int eligible)
    {
        var lacking = missing == 1 ? "Il manque 1 évaluateur" : $"Il manque {missing} évaluateurs";
        var found = eligible switch
        {
            0 => "aucun membre du jury n'est éligible",
            1 => "un seul membre du jury est éligible",
            _ => $"seuls {eligible} membres du jury sont éligibles",
        };
        return $"{lacking} : {found} (les autres sont de la même administration que le candidat, en conflit d'intérêts, déjà désignés ou retirés de cette candidature).";
    }
}
