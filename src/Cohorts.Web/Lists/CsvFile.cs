using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Cohorts.Web.Lists;

/// <summary>
/// A CSV file as French spreadsheet software opens it right: UTF-8 with a BOM (or accents come out garbled),
/// ";" between cells (the comma is the French decimal separator), CRLF lines. Written row by row as the rows
/// arrive, never held whole in memory.
/// </summary>
public sealed class CsvFile<T>(string fileName, IReadOnlyList<string> headers, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> cells)
    : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        // Personal data: no copy kept by a browser or a proxy.
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await WriteLineAsync(writer, headers);
        var count = 0;
        await foreach (var row in rows.WithCancellation(context.HttpContext.RequestAborted))
        {
            await WriteLineAsync(writer, cells(row));
            // Sent in chunks as it goes, so a long export starts downloading at once.
            if (++count % 500 == 0) await writer.FlushAsync(context.HttpContext.RequestAborted);
        }
    }

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> line) =>
        writer.WriteAsync(string.Join(';', line.Select(Csv.Cell)) + "\r\n");
}

public static class Csv
{
    /// <summary>
    /// One cell: a text that a spreadsheet would read as a formula (=, +, -, @, or a tab or CR before one) is prefixed
    /// with an apostrophe, so that it is shown, not run; a cell holding ";", a quote or a line break is quoted,
    /// its quotes doubled.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>"candidatures-booster-agile-promotion-3.csv": ASCII letters, digits and hyphens only, whatever the names hold.</summary>
    public static string FileName(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var c in string.Join('-', parts).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) text.Append(c);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
            if (text.Length >= 80) break;
        }
        return (text.ToString().Trim('-') is { Length: > 0 } name ? name : "export") + ".csv";
    }
}
