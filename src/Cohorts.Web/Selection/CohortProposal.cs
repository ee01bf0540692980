using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>One line of the proposal: the ranked application and what the proposal decides for it.</summary>
public sealed record ProposalRow(RankingRow Row, ProposalLine Line)
{
    public string Decision => Line.Decision switch
    {
        ProposalDecision.Admitted => "Admis",
        ProposalDecision.Waitlisted => $"Liste complémentaire (rang {Line.WaitlistRank})",
        _ => "Non retenu",
    };
}

/// <summary>The admission proposal of a cohort, and what stands in the way of publishing it.</summary>
public sealed record CohortProposalResult(
    CohortRankingResult Ranking,
    int HeldByOthers,
    IReadOnlyList<ProposalRow> Lines,
    IReadOnlyList<RankingRow> Unranked,
    IReadOnlyList<ProposalOverride> Log)
{
    public int FreeSeats => Math.Max(0, Ranking.Seats - HeldByOthers);
    public int Admitted => Lines.Count(l => l.Line.Decision == ProposalDecision.Admitted);
    public int Waitlisted => Lines.Count(l => l.Line.Decision == ProposalDecision.Waitlisted);
    public int Rejected => Lines.Count(l => l.Line.Decision == ProposalDecision.Rejected);

    /// <summary>The free seats the proposal leaves empty (none when forced admissions take more than there are).</summary>
    public int SeatsLeftEmpty => Math.Max(0, FreeSeats - Admitted);

    /// <summary>
    /// Why seats stay empty after the proposal, in French, or null when every free seat is proposed: the diversity caps
    /// when ranked candidates are left out, else too few ranked candidates.
    /// </summary>
    public string? SeatsLeftEmptySentence
    {
        get
        {
            var empty = SeatsLeftEmpty;
            if (empty == 0) return null;
            var seats = empty == 1 ? "1 place reste libre" : $"{empty} places restent libres";
            var them = empty == 1 ? "la pourvoir" : "les pourvoir";
            return Admitted < Lines.Count
                ? $"{seats} : les plafonds de diversité ne permettent pas de {them} avec les candidats classés."
                : $"{seats} : il n'y a pas assez de candidats classés pour {them}.";
        }
    }

    /// <summary>The applications to decide with fewer submitted reviews than the committee requires.</summary>
    public int MissingReviews => Lines.Count(l => l.Row.Ranked.MissingReviews);

    /// <summary>« 3 candidatures n'ont pas toutes leurs évaluations », or null when none.</summary>
    public string? MissingReviewsSentence => MissingReviews switch
    {
        0 => null,
        1 => "1 candidature n'a pas toutes ses évaluations (moins d'évaluations soumises que le nombre requis).",
        var n => $"{n} candidatures n'ont pas toutes leurs évaluations (moins d'évaluations soumises que le nombre requis).",
    };

    /// <summary>
    /// A short digest of every line's decision: the confirmation carries it, so that what is published is what the
    /// manager confirmed, not a proposal someone's override changed in between.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (var l in Lines) text.Append(l.Line.ApplicationId).Append(':').Append(l.Line.Decision).Append(':').Append(l.Line.WaitlistRank).Append(';');
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
    }

    /// <summary>Why the decisions cannot be published now, in French; null when they can.</summary>
    public string? PublicationRefusal
    {
        get
        {
            var settings = Ranking.Settings;
            if (settings.DecisionsPublishedAt is not null) return "Les décisions de cette promotion sont déjà publiées.";
            if (settings.ScoringClosedAt is null) return "Clôturez l'évaluation (page du jury) avant de publier les décisions : les évaluations sont encore modifiables.";
            if (Unranked.Count > 0)
                return $"{Unranked.Count} candidature(s) en cours d'examen n'ont aucune évaluation soumise : faites-les évaluer, ou déclarez-les non recevables, avant de publier.";
            if (Lines.Count == 0) return "Aucune candidature n'est à décider dans cette promotion.";
            if (Admitted > FreeSeats)
                return $"Les décisions du jury admettent {Admitted} candidats pour {FreeSeats} place(s) libre(s) : levez ou changez des décisions « Admettre » avant de publier.";
            return null;
        }
    }

    /// <summary>Each application's override in force (its latest log row, when it has a decision).</summary>
    public static IReadOnlyDictionary<Guid, ProposalOverride> InForce(IEnumerable<ProposalOverride> log) =>
        log.GroupBy(o => o.ApplicationId).Select(g => g.MaxBy(o => o.Id)!).Where(o => o.Decision is not null).ToDictionary(o => o.ApplicationId);
}

/// <summary>
/// The admission proposal, computed the same way for the page and for the publication: the ranked applications
/// still to decide, in rank order, through <see cref="AdmissionProposal.Propose"/> with the cohort's free seats (its
/// seats minus those held by others), its caps and waitlist length, and the committee's overrides in force.
/// Two queries on top of the ranking's, whatever the number of applications.
/// </summary>
public static class CohortProposal
{
    public static async Task<CohortProposalResult?> LoadAsync(CohortsDbContext db, int cohortId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await CohortRanking.LoadAsync(db, cohortId, user, cancellationToken) is not { } ranking) return null;
        var held = await db.HeldAsync(cohortId, cancellationToken);
        var log = await db.ProposalOverrides.AsNoTracking().Where(o => o.CohortId == cohortId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var pending = ranking.Rows.Where(r => CohortRanking.BeforeDecision.Contains(r.State)).ToList();
        var ranked = pending.Where(r => r.Ranked.Rank is not null).ToList();
        var inForce = CohortProposalResult.InForce(log);
        var overrides = ranked.Where(r => inForce.ContainsKey(r.ApplicationId)).Select(r => inForce[r.ApplicationId].AsInput!).ToList();
        var settings = ranking.Settings;
        var lines = AdmissionProposal.Propose(ranked.Select(r => r.AsCandidate).ToList(), Math.Max(0, ranking.Seats - held), settings.Caps,
            settings.WaitlistLength, overrides);
        return new CohortProposalResult(ranking, held, lines.Select((line, i) => new ProposalRow(ranked[i], line)).ToList(),
            pending.Where(r => r.Ranked.Rank is null).ToList(), log);
    }
}
