using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>
/// What the session form offers for a cohort: who may lead (the active accounts of the Coach role, facilitators and
/// coaches alike, the cohort's own coaches named as such) and, for a coaching session, the cohort's participants with
/// their coach. Also what a posted form is checked against.
/// </summary>
public sealed record SessionChoices(IReadOnlyList<SessionChoices.Lead> Leads, IReadOnlyList<SessionChoices.Participant> Participants)
{
    public const string UnknownLeadMessage = "Choisissez qui anime la séance parmi les animateurs et les coachs de la liste.";
    public const string UnknownParticipantMessage = "Choisissez les participants parmi ceux de la promotion.";

    public sealed record Lead(string Id, string Name, bool CoachOfCohort);
    public sealed record Participant(string Id, string Name, string? CoachId, string? CoachName);

    public static async Task<SessionChoices> ForAsync(CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var coaches = db.CohortCoaches.Where(c => c.CohortId == cohortId).Select(c => c.CoachId);
        var leads = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coach)))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Id)
            .Select(u => new Lead(u.Id, (u.FirstName + " " + u.LastName).Trim(), coaches.Contains(u.Id)))
            .ToListAsync(cancellationToken);
        var participants = await db.ParticipantsOf(cohortId)
            .Join(db.Users, e => e.ParticipantId, u => u.Id, (e, u) => new { u.Id, u.FirstName, u.LastName })
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, Name = (p.FirstName + " " + p.LastName).Trim(),
                Coach = db.CoachPairings.Where(c => c.CohortId == cohortId && c.ParticipantId == p.Id)
                    .Join(db.Users, c => c.CoachId, u => u.Id, (c, u) => new { c.CoachId, Name = (u.FirstName + " " + u.LastName).Trim() }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new SessionChoices(leads, participants.Select(p => new Participant(p.Id, p.Name, p.Coach?.CoachId, p.Coach?.Name)).ToList());
    }

    public string NameOf(string leadId) => Leads.FirstOrDefault(l => l.Id == leadId)?.Name ?? "";

    /// <summary>
    /// Adds to <paramref name="state"/> what is wrong with the form (<see cref="SessionInput.Check"/>) and with the lead and
    /// participants posted: an account not offered; for a coaching session, a lead who is not a coach of the cohort or
    /// participants who are not their coachees (<see cref="CoachingRules"/>).
    /// </summary>
    public async Task CheckAsync(CohortsDbContext db, int cohortId, SessionInput input, ModelStateDictionary state, bool needsDate,
        CancellationToken cancellationToken)
    {
        input.Check(state, needsDate);
        foreach (var (field, message) in await ChoiceErrorsAsync(db, cohortId, input, cancellationToken)) state.AddModelError(field, message);
    }

    private async Task<IReadOnlyList<(string Field, string Message)>> ChoiceErrorsAsync(CohortsDbContext db, int cohortId, SessionInput input,
        CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (input.LeadId is { } leadId && Leads.All(l => l.Id != leadId)) errors.Add(("Input.LeadId", UnknownLeadMessage));
        if (input.Kind != SessionKind.Coaching || errors.Count > 0 || input.LeadId is null) return errors;
        var named = input.Participants.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
        if (named.Any(id => Participants.All(p => p.Id != id)))
            errors.Add(("Input.Participants", UnknownParticipantMessage));
        else if (named.Count > 0 && await CoachingRules.CheckCoacheesAsync(db, cohortId, input.LeadId, named, cancellationToken) is { } refusal)
            errors.Add((refusal == CoachingRules.NotACoachOfTheCohortMessage ? "Input.LeadId" : "Input.Participants", refusal));
        return errors;
    }
}

/// <summary>The session form's fields (partial <c>_SessionFields</c>): a kind fixed once planned, no day for a series' occurrences.</summary>
public sealed record SessionForm(SessionInput Input, SessionChoices Choices, bool WithDate, bool KindFixed);

/// <summary>The staff pages' breadcrumb (partial <c>_SessionsBreadcrumb</c>): the cohort's calendar, the session, the page.</summary>
public sealed record SessionsBreadcrumb(Domain.Catalogue.Cohort Cohort, Session? Session = null, string? Here = null);
