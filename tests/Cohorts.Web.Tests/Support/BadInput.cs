using System.Text.Json;

namespace Cohorts.Web.Tests.Support;

/// <summary>The project's corpus of hostile and odd inputs (tests/bad-input), as the tests post them.</summary>
public static class BadInput
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "bad-input");

    /// <summary>A value, and what it becomes once normalised (the corpus says so where it differs).</summary>
    public sealed record Value(string Name, string Text, string Stored);

    public sealed record Upload(string FileName, byte[] Content);

    public static IReadOnlyList<Value> Strings { get; } = Load();

    /// <summary>Files that are not PDFs although named so, an empty one, one over 5 MB; and one valid PDF.</summary>
    public static IReadOnlyList<Upload> Files { get; } =
    [
        .. Directory.GetFiles(Path.Combine(Folder, "files")).Order(StringComparer.Ordinal)
            .Select(path => new Upload(Path.GetFileName(path), File.ReadAllBytes(path))),
        new("gros.pdf", [.. "%PDF-1.4\n"u8, .. new byte[5 * 1024 * 1024]]),
    ];

    private static List<Value> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "strings.json")));
        var values = document.RootElement.GetProperty("strings").EnumerateArray()
            .Select(e => new Value(e.GetProperty("name").GetString()!, e.GetProperty("value").GetString()!,
                (e.TryGetProperty("stored", out var stored) ? stored : e.GetProperty("value")).GetString()!)).ToList();
        foreach (var e in document.RootElement.GetProperty("generated").EnumerateArray())
        {
            var text = string.Concat(Enumerable.Repeat(e.GetProperty("repeat").GetString()!, e.GetProperty("count").GetInt32()));
            values.Add(new Value(e.GetProperty("name").GetString()!, text, text));
        }
        return values;
    }
}
