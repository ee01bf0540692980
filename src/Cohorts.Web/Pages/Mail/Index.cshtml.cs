using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Mail;

/// <summary>
/// The mail journal: every message the staff member may see (an Admin all, a manager those about their programs'
/// cohorts), newest first, 50 a page; filtered by cohort, kind and state, searched by recipient address. The filters are
/// the URL's parameters <c>cohorte</c>, <c>kind</c>, <c>state</c> and <c>Search</c>: other pages link here with them.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(CohortsDbContext db) : PageModel
{
    public const string Path = "/gestion/courriels";
    public const string CohortKey = "cohorte", KindKey = "kind", StateKey = "state";

    /// <summary>A link to the journal of one cohort, e.g. from the cohort's staff pages.</summary>
    public static string OfCohort(int cohortId, string? kind = null, OutboxState? state = null) =>
        Path + QueryString.Create(new Dictionary<string, string?>
        {
            [CohortKey] = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), [KindKey] = kind, [StateKey] = state?.ToString(),
        }.Where(p => p.Value is not null)).ToUriComponent();

    [BindProperty(SupportsGet = true, Name = CohortKey)] public int? Cohort { get; set; }
    [BindProperty(SupportsGet = true, Name = KindKey)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = StateKey)] public OutboxState? State { get; set; }

    public ListQuery List { get; private set; } = null!;
    public ListPage<MessageRow> Messages { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public sealed record MessageRow(Guid Id, DateTimeOffset CreatedAt, string To, string Kind, string Subject, OutboxState State,
        int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? BodiesPurgedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cohorts = (await db.Cohorts.AsNoTracking().ManagedBy(db, User)
                .OrderBy(c => c.Program.Name).ThenByDescending(c => c.StartsOn)
                .Select(c => new { c.Id, Program = c.Program.Name, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, $"{c.Program} — {c.Name}")).ToList();

        var messages = db.OutboxMessages.AsNoTracking().ManagedBy(db, User);
        if (Cohort is { } cohort) messages = messages.Where(m => m.CohortId == cohort);
        if (!string.IsNullOrEmpty(Kind)) messages = messages.Where(m => m.Kind == Kind);
        if (State is { } state) messages = messages.Where(m => m.State == state);
        List = ListQuery.Read(Request, ["created"]);
        if (List.Search.Length > 0)
            messages = messages.Where(m => EF.Functions.ILike(m.To, SearchText.Contains(List.Search), SearchText.LikeEscape));

        Messages = await List.PageAsync(messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.CreatedAt, m.To, m.Kind, m.Subject, m.State, m.Attempts, m.NextAttemptAt, m.LastError,
                m.BodiesPurgedAt)), cancellationToken);
        Links = new ListLinks(Request.Path, Request.Query, List, Messages.PageNumber, Messages.PageCount);
    }
}
