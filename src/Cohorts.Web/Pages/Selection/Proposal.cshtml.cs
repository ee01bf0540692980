using Cohorts.Domain;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// The admission proposal of a cohort: each ranked line's proposed decision and, for one the caps passed over, why;
/// the committee overrides a line (or lifts its override) with a written reason, kept in a log; then publishes every
/// decision in one action, after a confirmation. Once published, the page shows what was published, read-only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProposalModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Confirm { get; set; }
    [BindProperty] public Guid ApplicationId { get; set; }
    [BindProperty] public OverrideDecision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }

    public CohortProposalResult Proposal { get; private set; } = null!;
    public ListPage<ProposalRow> Lines { get; private set; } = null!;
    /// <summary>Once published: the decided applications, in rank order.</summary>
    public ListPage<RankingRow> PublishedRows { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, ProposalOverride> InForce { get; private set; } = new Dictionary<Guid, ProposalOverride>();
    public IReadOnlyDictionary<Guid, PublishedDecision> Published { get; private set; } = new Dictionary<Guid, PublishedDecision>();
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>The line whose form was refused: its form opens again with the message.</summary>
    public Guid? FailedLine { get; private set; }
    public DateTimeOffset OfferDeadline => Proposal.Ranking.Settings.OfferDeadlineFrom(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOverrideAsync(int id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, lift: false, cancellationToken);

    public async Task<IActionResult> OnPostLiftAsync(int id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, lift: true, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var user = (await users.GetUserAsync(User))!;
        var refusal = await DecisionPublication.PublishAsync(db, id, User, user.As(Roles.ManagementActor(User)), Fingerprint, clock.GetUtcNow(),
            cancellationToken);
        if (refusal is not null)
        {
            await LoadAsync(id, cancellationToken);
            Confirm = false;
            ModelState.Clear();
            ModelState.AddModelError("", refusal);
            return Page();
        }
        TempData["Message"] = "Décisions publiées : chaque candidat en est informé par courriel.";
        return RedirectToPage(new { id });
    }

    /// <summary>Saves a new row of the override log for one line of the proposal: a decision, or its lifting.</summary>
    private async Task<IActionResult> ChangeAsync(int id, bool lift, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var line = Proposal.Lines.FirstOrDefault(l => l.Line.ApplicationId == ApplicationId);
        string? refusal = null;
        if (Proposal.Ranking.Published) refusal = "Les décisions sont publiées : la proposition ne change plus.";
        else if (line is null) refusal = "Cette candidature n'est pas dans la proposition d'admission.";
        else if (lift && !InForce.ContainsKey(ApplicationId)) refusal = "Cette ligne n'a pas de décision du jury à lever.";
        if (refusal is null)
        {
            var user = (await users.GetUserAsync(User))!;
            var by = user.As(Roles.ManagementActor(User));
            try
            {
                db.ProposalOverrides.Add(lift
                    ? ProposalOverride.Lift(id, ApplicationId, Reason, by, clock.GetUtcNow())
                    : ProposalOverride.Decide(id, ApplicationId, Decision ?? (OverrideDecision)(-1), Reason, by, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = lift
                    ? $"Décision du jury levée pour {line!.Row.Name}."
                    : $"Décision du jury enregistrée pour {line!.Row.Name} : {ProposalOverride.Label(Decision!.Value)}.";
                return Redirect($"/gestion/promotions/{id}/proposition{PageOf(line)}#ligne-{ApplicationId}");
            }
            catch (DomainException e)
            {
                refusal = e.Message;
            }
        }
        ModelState.Clear();
        ModelState.AddModelError("", refusal);
        FailedLine = line?.Line.ApplicationId;
        if (line is not null) Lines = new ListQuery("", "rank", false, Proposal.Lines.ToList().IndexOf(line) / ListQuery.PageSize + 1).Page(Proposal.Lines);
        return Page();
    }

    private string PageOf(ProposalRow line)
    {
        var page = Proposal.Lines.ToList().IndexOf(line) / ListQuery.PageSize + 1;
        return page == 1 ? "" : $"?PageNumber={page}";
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await CohortProposal.LoadAsync(db, id, User, cancellationToken) is not { } proposal) return false;
        Proposal = proposal;
        InForce = CohortProposalResult.InForce(proposal.Log);
        Names = proposal.Ranking.Rows.ToDictionary(r => r.ApplicationId, r => r.Name);
        if (proposal.Ranking.Published) Published = await PublishedDecisions.LoadAsync(db, id, cancellationToken);
        var list = ListQuery.Read(Request, ["rank"]);
        Lines = list.Page(proposal.Lines);
        PublishedRows = list.Page(proposal.Ranking.Rows.Where(r => Published.ContainsKey(r.ApplicationId)).ToList());
        Links = proposal.Ranking.Published
            ? new ListLinks(Request.Path, Request.Query, list, PublishedRows.PageNumber, PublishedRows.PageCount)
            : new ListLinks(Request.Path, Request.Query, list, Lines.PageNumber, Lines.PageCount);
        return true;
    }
}
