using System.Globalization;
using System.Text;

namespace Cohorts.Web.Lists;

/// <summary>
/// Search that ignores case and accents ("ecuyer" finds "Écuyer"). PostgreSQL's <c>unaccent</c> is an extension
/// that a plain cluster lacks, and LIKE refuses the nondeterministic ICU collations that would ignore accents, so
/// each searchable table keeps a generated column holding its text lowered and stripped of accents by the same
/// table of letters that <see cref="Normalize"/> applies to what staff type.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 100;

    /// <summary>The generated column's property name (a shadow property: the domain knows nothing of it), "search_text" in SQL.</summary>
    public const string Column = "SearchText";

    // One letter for one letter, in order: SQL's translate() and Normalize() read these same two strings.
    private const string Accented = "àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįñńňòóôõöøōőùúûüũūůűųýÿžźżšśł";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeeiiiiiiinnnoooooooouuuuuuuuuyyzzzssl";

    /// <summary>The SQL of a generated column: <paramref name="expression"/> lowered, then its accents taken off.</summary>
    public static string Sql(string expression) => $"translate(lower({expression}), '{Accented}', '{Plain}')";

    /// <summary>
    /// What staff typed, as the generated column holds it: control characters (PostgreSQL refuses NUL) dropped,
    /// spaces collapsed, at most <see cref="MaxLength"/> characters, lowered and without accents.
    /// </summary>
    public static string Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return "";
        // Composed first, so that an "e" followed by a combining accent is the "é" the table knows; unpaired
        // surrogates and unassigned code points are dropped before, as Normalize refuses them. An emoji (a surrogate
        // pair) is kept: searched for, it finds nobody, rather than vanishing and leaving a search that finds everyone.
        var kept = string.Concat(typed.EnumerateRunes()
            .Where(r => r != Rune.ReplacementChar && Rune.GetUnicodeCategory(r) is not
                (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate))
            .Select(r => r.ToString()));
        var text = new StringBuilder(Math.Min(kept.Length, MaxLength));
        var space = false;
        foreach (var rune in kept.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).EnumerateRunes())
        {
            if (text.Length + rune.Utf16SequenceLength > MaxLength) break;
            if (Rune.IsWhiteSpace(rune))
            {
                space = text.Length > 0;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            var at = rune.IsBmp ? Accented.IndexOf((char)rune.Value, StringComparison.Ordinal) : -1;
            if (at < 0) text.Append(rune.ToString());
            else text.Append(Plain[at]);
        }
        return text.ToString();
    }

    /// <summary>A LIKE pattern that finds <paramref name="normalized"/> anywhere, its own % and _ read as letters.</summary>
    public static string Contains(string normalized) =>
        "%" + normalized.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    public const string LikeEscape = @"\";
}
