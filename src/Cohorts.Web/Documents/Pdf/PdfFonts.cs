using System.Reflection;
using PdfSharp.Fonts;

namespace Cohorts.Web.Documents.Pdf;

/// <summary>
/// The fonts of Cohorts' PDF documents, embedded in the assembly: on Linux PDFsharp finds no font of its own
/// ("No appropriate font found") and a server's fonts are not ours to rely on. DejaVu Sans Condensed (Bitstream Vera
/// licence, in Fonts/), narrow enough for tables, with every French letter, « », € and ✓. Every family name asked for
/// gets it, in regular or bold.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed", Bold = "DejaVuSansCondensed-Bold";

    private static readonly Lock Registration = new();

    /// <summary>Installs the resolver once per process, before the first document; PDFsharp's setting is global.</summary>
    public static void EnsureRegistered()
    {
        lock (Registration)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts) GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face: PDFsharp slants the regular one when asked.
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Cohorts.Web.Documents.Pdf.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
