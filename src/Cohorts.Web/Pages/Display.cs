using System.Globalization;
using Cohorts.Domain;

namespace Cohorts.Web.Pages;

/// <summary>How dates read on screen and in emails: French, in Paris time.</summary>
public static class Display
{
    private static readonly CultureInfo French = FrenchDates.Culture;

    public static string Date(DateOnly day) => FrenchDates.Date(day);

    public static string DateTime(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        return $"{Day(paris.Day)} {paris.ToString("MMMM yyyy 'à' H' h 'mm", French)}";
    }

    /// <summary>"01/12/2026 21:05" in Paris time: the form French spreadsheet software reads as a date and time.</summary>
    public static string Spreadsheet(DateTimeOffset instant) =>
        ParisTime.ToParis(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Day(int day) => FrenchDates.Day(day);

    /// <summary>"193 octets", "12 Ko", "1,4 Mo".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} octet{(bytes > 1 ? "s" : "")}",
        < 1024 * 1024 => string.Create(French, $"{Math.Round(bytes / 1024.0):0} Ko"),
        _ => string.Create(French, $"{bytes / 1024.0 / 1024.0:0.#} Mo"),
    };

    /// <summary>"de Camille Durand", "d'Inès Martin": French elides "de" before a vowel or a mute h.</summary>
    public static string Of(string name)
    {
        var first = name.TrimStart().Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault();
        return "aeiouyhAEIOUYH".Contains(first, StringComparison.Ordinal) ? $"d'{name.TrimStart()}" : $"de {name.TrimStart()}";
    }

    public static string Period(DateOnly from, DateOnly to) => $"du {Date(from)} au {Date(to)}";
}
