using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Documents;

/// <summary>
/// A stored document, always as an attachment (never rendered in our origin), to its owner, and to staff once it
/// is the CV of a submitted application of a program they run; to anyone else it does not exist.
/// </summary>
public sealed class DownloadModel(CohortsDbContext db, UserManager<CohortsUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var managed = db.Applications.ManagedBy(db, User);
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id && (d.OwnerId == userId
                || managed.Any(a => a.CvDocumentId == d.Id && a.SubmittedAt != null)))
            .Select(d => new { d.FileName, d.ContentType, d.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
