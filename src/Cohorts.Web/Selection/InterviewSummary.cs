using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>An interview as the pages show it (partial <c>_InterviewSummary</c>): when, where, before whom.</summary>
public sealed record InterviewSummary(Interview Interview, IReadOnlyList<string> PanelNames, bool ShowScore)
{
    public static async Task<InterviewSummary> OfAsync(CohortsDbContext db, Interview interview, bool showScore, CancellationToken cancellationToken)
    {
        var names = await db.Users.Where(u => interview.PanelIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return new(interview, interview.PanelIds.Where(names.ContainsKey).Select(id => names[id]).ToList(), showScore);
    }
}
