using System.IO.Compression;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Cohorts.Web.Documents.Pdf;

/// <summary>A column of a table document: its header, its share of the page's width, and whether its cells are numbers.</summary>
public sealed record TableColumn(string Header, double Width, bool Numeric = false);

/// <summary>
/// What a table document holds, with no PDFsharp type: a title, lines under it (the cohort, the date), the table,
/// a note after it. Pages that export a table build one and ask <see cref="TableDocument.Write"/> for the bytes.
/// </summary>
public sealed record TableDocumentContent(
    string Title,
    IReadOnlyList<string> Subtitles,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Note = null);

/// <summary>
/// A table as an A4 landscape PDF over as many pages as it needs: the title on the first page, the header row
/// repeated on each, one line a row (a cell too long for its column ends in « … »), « Page n sur N » at the foot.
/// </summary>
public static class TableDocument
{
    private const double Margin = 36, RowHeight = 15, HeaderHeight = 18, CellPadding = 3;
    private static readonly XColor Rule = XColor.FromArgb(221, 221, 221);
    private static readonly XColor HeaderFill = XColor.FromArgb(238, 238, 238);

    public static byte[] Write(TableDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PdfFonts.EnsureRegistered();
        var title = new XFont(PdfFonts.Family, 16, XFontStyleEx.Bold);
        var subtitle = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
        var header = new XFont(PdfFonts.Family, 8, XFontStyleEx.Bold);
        var cell = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        var footer = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);

        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "Cohorts";
        var pages = new List<PdfPage>();
        XGraphics? gfx = null;
        double y = 0, width = 0, bottom = 0;
        double[] widths = [];

        void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            pages.Add(page);
            gfx = XGraphics.FromPdfPage(page);
            width = page.Width.Point - 2 * Margin;
            bottom = page.Height.Point - Margin - RowHeight;
            var total = content.Columns.Sum(c => c.Width);
            widths = [.. content.Columns.Select(c => c.Width / total * width)];
            y = Margin;
            if (pages.Count == 1)
            {
                gfx.DrawString(content.Title, title, XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopLeft);
                y += 26;
                foreach (var line in content.Subtitles)
                {
                    gfx.DrawString(line, subtitle, XBrushes.Black, new XRect(Margin, y, width, 14), XStringFormats.TopLeft);
                    y += 14;
                }
                y += 10;
            }
            gfx.DrawRectangle(new XSolidBrush(HeaderFill), new XRect(Margin, y, width, HeaderHeight));
            DrawRow(gfx, content.Columns.Select(c => c.Header).ToList(), header, y, HeaderHeight);
            y += HeaderHeight;
        }

        void DrawRow(XGraphics g, IReadOnlyList<string> cells, XFont font, double top, double height)
        {
            var x = Margin;
            for (var i = 0; i < content.Columns.Count; i++)
            {
                var text = Fit(g, i < cells.Count ? cells[i] ?? "" : "", font, widths[i] - 2 * CellPadding);
                var box = new XRect(x + CellPadding, top, widths[i] - 2 * CellPadding, height);
                g.DrawString(text, font, XBrushes.Black, box, content.Columns[i].Numeric ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += widths[i];
            }
            g.DrawLine(new XPen(Rule, 0.5), Margin, top + height, Margin + width, top + height);
        }

        NewPage();
        foreach (var row in content.Rows)
        {
            if (y + RowHeight > bottom) NewPage();
            DrawRow(gfx!, row, cell, y, RowHeight);
            y += RowHeight;
        }
        if (content.Note is { } note)
        {
            if (y + 2 * RowHeight > bottom) NewPage();
            gfx!.DrawString(note, subtitle, XBrushes.Black, new XRect(Margin, y + 8, width, 14), XStringFormats.TopLeft);
        }
        gfx?.Dispose();

        // The page count is known only now: each page gets its foot afterwards.
        for (var i = 0; i < pages.Count; i++)
        {
            using var foot = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            var page = pages[i];
            foot.DrawString($"Page {i + 1} sur {pages.Count}", footer, XBrushes.Black,
                new XRect(Margin, page.Height.Point - Margin + 8, page.Width.Point - 2 * Margin, 12), XStringFormats.TopRight);
            foot.DrawString(content.Title, footer, XBrushes.Black,
                new XRect(Margin, page.Height.Point - Margin + 8, page.Width.Point - 2 * Margin, 12), XStringFormats.TopLeft);
        }
        return Compressed(document);
    }

    /// <summary>
    /// The document saved with every stream compressed by .NET's <see cref="ZLibStream"/>. PDFsharp 6 frames its Flate
    /// streams (contents, embedded fonts) with a zlib header but writes no Adler-32 after the deflate data, so readers that
    /// check it (Ghostscript: "ignoring zlib error: incorrect data check", qpdf) found every compressed block damaged. The
    /// document is saved uncompressed, read back, and each unfiltered stream is given a complete zlib stream of our own.
    /// </summary>
    private static byte[] Compressed(PdfDocument document)
    {
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        using var plain = new MemoryStream();
        document.Save(plain, false);
        plain.Position = 0;
        using var reread = PdfReader.Open(plain, PdfDocumentOpenMode.Modify);
        reread.Options.NoCompression = true;
        reread.Options.CompressContentStreams = false;
        foreach (var item in reread.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { } stream } dictionary || dictionary.Elements.ContainsKey("/Filter")) continue;
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(stream.Value);
            stream.Value = packed.ToArray();
            dictionary.Elements.SetName("/Filter", "/FlateDecode");
        }
        using var output = new MemoryStream();
        reread.Save(output);
        return output.ToArray();
    }

    /// <summary>The text, shortened with « … » until it fits the width.</summary>
    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        text = text.ReplaceLineEndings(" ");
        if (g.MeasureString(text, font).Width <= width) return text;
        var length = text.Length;
        while (length > 0 && g.MeasureString(text[..length] + "…", font).Width > width) length--;
        return text[..length].TrimEnd() + "…";
    }
}
