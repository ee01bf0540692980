using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>
/// A CV uploaded to a draft: stored and attached if it is a valid PDF (or refused, with the reason), and the CV it
/// replaces deleted once the save is committed: personal data nobody needs any more.
/// </summary>
public sealed record CvReplacement(CvInfo? Attached, Guid? Replaced, FieldProblem? Refusal)
{
    public static CvReplacement None { get; } = new(null, null, null);

    /// <summary>Reads the upload; a valid one is added to the unit of work and attached to the draft.</summary>
    public static async Task<CvReplacement> AttachAsync(CohortsDbContext db, Application draft, IFormFile? file, ApplicationContext context,
        CancellationToken cancellationToken)
    {
        if (file is null) return None;
        var upload = await PdfUpload.ReadAsync(file, draft.CandidateId, context.Now, cancellationToken);
        if (upload.Document is not { } document) return new(null, null, new("Cv", upload.Error!, ProblemKind.Refused));
        db.Documents.Add(document);
        var replaced = draft.CvDocumentId;
        draft.AttachCv(document.Id, context);
        return new(new(document.Id, document.FileName, document.Size), replaced, null);
    }

    /// <summary>After the save: the replaced CV is deleted.</summary>
    public Task DeleteReplacedAsync(CohortsDbContext db, CancellationToken cancellationToken) =>
        Replaced is { } previous ? db.Documents.Where(d => d.Id == previous).ExecuteDeleteAsync(cancellationToken) : Task.CompletedTask;
}
