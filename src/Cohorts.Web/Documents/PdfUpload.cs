using System.Text;

namespace Cohorts.Web.Documents;

/// <summary>
/// Accepts a PDF by what it contains, not by its name: the "%PDF-" signature must open the file.
/// At most 5 MB. The file name is kept only for display, stripped of any path and control characters.
/// </summary>
public static class PdfUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public sealed record Result(StoredDocument? Document, string? Error);

    public static async Task<Result> ReadAsync(IFormFile file, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (file.Length == 0) return new(null, "Le fichier est vide.");
        if (file.Length > MaxBytes)
            return new(null, $"Le fichier pèse {file.Length / 1024.0 / 1024.0:0.0} Mo : 5 Mo au maximum.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith(Signature))
            return new(null, "Ce fichier n'est pas un PDF : enregistrez votre CV au format PDF puis joignez-le à nouveau.");
        return new(StoredDocument.Create(ownerId, CleanName(file.FileName), "application/pdf", content, now), null);
    }

    private static string CleanName(string name)
    {
        var clean = new StringBuilder();
        foreach (var c in Path.GetFileName(name.Replace('\\', '/')))
            if (!char.IsControl(c)) clean.Append(c);
        var result = clean.ToString().Trim();
        if (result.Length == 0) result = "document.pdf";
        return result.Length > 200 ? result[..200] : result;
    }
}
