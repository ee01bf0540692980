using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Documents;

/// <summary>
/// A stored document, always as an attachment (never rendered in our origin), to its owner, and to staff once it
/// is the CV of a submitted application; to anyone else it does not exist.
/// </summary>
public sealed class DownloadModel(CohortsDbContext db, UserManager<CohortsUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var staff = Roles.IsManagement(User);
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id && (d.OwnerId == userId
                || staff && db.Applications.Any(a => a.CvDocumentId == d.Id && a.SubmittedAt != null)))
            .Select(d => new { d.FileName, d.ContentType, d.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
