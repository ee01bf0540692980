using System.Globalization;
using System.Text;

namespace Cohorts.Web.FormInput;

/// <summary>
/// What every text typed into a form becomes before anything reads it: Unicode NFC, line breaks as "\n",
/// no control characters (PostgreSQL refuses NUL) and no bidirectional overrides (they make one text read
/// as another on screen). Letters, emoji and zero-width joiners stay as typed.
/// </summary>
public static class TextInput
{
    public static string Normalize(string value)
    {
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                // A textarea posts "\r\n" where the browser counted one character.
                if (i + 1 >= value.Length || value[i + 1] != '\n') clean.Append('\n');
            }
            else if (c is '\n' or '\t')
            {
                clean.Append(c);
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    clean.Append(c).Append(value[++i]);
                }
                else
                {
                    clean.Append('\uFFFD');
                }
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A file's name as shown to people: no path, no invisible or reordering characters.</summary>
    public static string DisplayName(string value)
    {
        var clean = new StringBuilder(value.Length);
        foreach (var c in Normalize(value))
            if (c is not ('\n' or '\t') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) clean.Append(c);
        return clean.ToString().Trim();
    }

    // Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F, U+061C.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
