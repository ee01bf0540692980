using System.Globalization;
using Cohorts.Web.FormInput;

namespace Cohorts.Web.Documents;

/// <summary>
/// Accepts a PDF by what it contains, not by its name: the "%PDF-" signature must open the file.
/// At most 5 MB. The file name is kept only for display: no path, no invisible or reordering characters, and it
/// ends in ".pdf" like the content it names.
/// </summary>
public static class PdfUpload
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int NameMaxLength = 200;
    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public sealed record Result(StoredDocument? Document, string? Error);

    public static async Task<Result> ReadAsync(IFormFile file, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (file.Length == 0) return new(null, "Le fichier est vide.");
        if (file.Length > MaxBytes)
            return new(null, string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Le fichier pèse {Math.Ceiling(file.Length / 1024.0):N0} Ko, au-delà de la limite de 5 Mo ({MaxBytes / 1024:N0} Ko) : réduisez-le (par exemple en l'exportant de nouveau en PDF) puis joignez-le à nouveau."));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith(Signature))
            return new(null, "Ce fichier n'est pas un PDF : enregistrez votre CV au format PDF puis joignez-le à nouveau.");
        return new(StoredDocument.Create(ownerId, DisplayName(file.FileName), "application/pdf", content, now), null);
    }

    public static string DisplayName(string uploaded)
    {
        var name = TextInput.DisplayName(Path.GetFileName(uploaded.Replace('\\', '/')));
        var stem = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name[..^4] : Path.GetFileNameWithoutExtension(name);
        stem = stem.Trim().TrimEnd('.');
        if (stem.Length == 0) stem = "document";
        if (stem.Length > NameMaxLength - 4) stem = stem[..(NameMaxLength - 4)];
        // A cut may split an emoji in two.
        if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        return stem + ".pdf";
    }
}
