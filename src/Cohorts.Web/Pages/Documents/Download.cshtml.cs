using System.Security.Claims;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Documents;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Documents;

/// <summary>
/// A stored document, always as an attachment (never rendered in our origin), to those <see cref="ReadableBy"/> lets
/// read it; to anyone else it does not exist.
/// </summary>
public sealed class DownloadModel(CohortsDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await ReadableBy(db, User).AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.FileName, d.ContentType, d.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(document.Content, document.ContentType, document.FileName);
    }

    /// <summary>
    /// Who may download what, in one place: the owner their own documents; the management staff the CV of a submitted
    /// application of a program they run; a reviewer the CV of an application assigned to them (no conflict declared),
    /// and no other document.
    /// </summary>
    public static IQueryable<StoredDocument> ReadableBy(CohortsDbContext db, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var managed = db.Applications.ManagedBy(db, user);
        var reviewed = db.CvsReviewableBy(user);
        return db.Documents.Where(d => d.OwnerId == userId
            || managed.Any(a => a.CvDocumentId == d.Id && a.SubmittedAt != null)
            || reviewed.Contains(d.Id));
    }
}
