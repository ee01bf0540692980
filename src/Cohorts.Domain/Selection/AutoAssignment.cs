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
        var perApplicationCount = new Dictionary<Guid, int>();
        // Per application, the committee members it cannot get (already on it, or excluded), by index.
        var taken = new Dictionary<Guid, List<int>>();
        void Take(Guid application, int reviewer)
        {
            if (!taken.TryGetValue(application, out var list)) taken.Add(application, list = []);
            list.Add(reviewer);
        }
        foreach (var pair in active.Distinct())
        {
            perApplicationCount[pair.ApplicationId] = perApplicationCount.GetValueOrDefault(pair.ApplicationId) + 1;
            if (!index.TryGetValue(pair.ReviewerId, out var r)) continue;
            load[r]++;
            Take(pair.ApplicationId, r);
        }
        foreach (var pair in excluded)
            if (index.TryGetValue(pair.ReviewerId, out var r)) Take(pair.ApplicationId, r);

        var added = new List<(AssignableApplication Application, int Reviewer)>();
        var unfilled = new List<Unfilled>();
        var seen = new HashSet<Guid>();
        var eligible = new List<int>(committee.Length);
        var barred = new bool[committee.Length];
        foreach (var application in applications)
        {
            if (!seen.Add(application.ApplicationId)) continue;
            var missing = perApplication - perApplicationCount.GetValueOrDefault(application.ApplicationId);
            if (missing <= 0) continue;

            var takenHere = taken.GetValueOrDefault(application.ApplicationId);
            if (takenHere is not null) foreach (var r in takenHere) barred[r] = true;
            eligible.Clear();
            for (var r = 0; r < committee.Length; r++)
                if (!barred[r] && !SameAdministration(application, committee[r])) eligible.Add(r);
            if (takenHere is not null) foreach (var r in takenHere) barred[r] = false;

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
                Take(application.ApplicationId, chosen);
                added.Add((application, chosen));
            }

            if (picks < missing)
                unfilled.Add(new Unfilled(application.ApplicationId, missing - picks, UnfilledReason(missing - picks, picks)));
        }

        Rebalance(committee, load, added, taken);
        return new AssignmentPlan([.. added.Select(a => new AssignmentPair(a.Application.ApplicationId, committee[a.Reviewer].ReviewerId))], unfilled);
    }

    private static bool SameAdministration(AssignableApplication application, CommitteeReviewer reviewer) =>
        application.AdministrationId is { } administration && reviewer.AdministrationId == administration;

    /// <summary>
    /// Served in order, the least loaded first, the last applications may find only the busiest reviewers eligible
    /// (the others are of their administration): the loads then differ by more than one. Moving one of this run's
    /// assignments from the busiest to the least busy reviewer who may take it evens them out, as far as the
    /// administrations and conflicts allow. Each move lowers the sum of squared loads, so it ends.
    /// </summary>
    private static void Rebalance(CommitteeReviewer[] committee, int[] load, List<(AssignableApplication Application, int Reviewer)> added,
        Dictionary<Guid, List<int>> taken)
    {
        if (committee.Length < 2 || added.Count == 0) return;
        var byLoad = Enumerable.Range(0, committee.Length).ToArray();
        while (true)
        {
            Array.Sort(byLoad, (x, y) => load[x] != load[y] ? load[x].CompareTo(load[y]) : x.CompareTo(y));
            if (load[byLoad[^1]] - load[byLoad[0]] <= 1) return;
            if (!MoveOne()) return;
        }

        bool MoveOne()
        {
            for (var h = byLoad.Length - 1; h > 0; h--)
            {
                var busy = byLoad[h];
                for (var l = 0; l < h && load[busy] - load[byLoad[l]] > 1; l++)
                {
                    var idle = byLoad[l];
                    for (var a = added.Count - 1; a >= 0; a--)
                    {
                        var (application, reviewer) = added[a];
                        if (reviewer != busy || SameAdministration(application, committee[idle])) continue;
                        var takenHere = taken[application.ApplicationId];
                        if (takenHere.Contains(idle)) continue;
                        takenHere.Remove(busy);
                        takenHere.Add(idle);
                        added[a] = (application, idle);
                        load[busy]--;
                        load[idle]++;
                        return true;
                    }
                }
            }
            return false;
        }
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
