using System.Globalization;
using System.Text;

namespace Cohorts.Domain.Catalogue;

/// <summary>A name as it appears in a URL: lower-case ASCII letters, digits and dashes, accents folded ("Éco" → "eco").</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var folded = c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", _ => char.ToLowerInvariant(c).ToString() };
            foreach (var x in folded)
            {
                if (char.IsAsciiLetterLower(x) || char.IsAsciiDigit(x)) slug.Append(x);
                else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength) text = text[..MaxLength].TrimEnd('-');
        return text.Length == 0 ? "programme" : text;
    }
}
