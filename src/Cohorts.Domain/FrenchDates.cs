using System.Globalization;

namespace Cohorts.Domain;

/// <summary>How a day reads in French ("1er juin 2027", "12 janvier 2027"), for the domain's messages and the screens alike.</summary>
public static class FrenchDates
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly day) => $"{Day(day.Day)} {day.ToString("MMMM yyyy", Culture)}";

    // French writes the first day of a month as an ordinal: "1er juin".
    public static string Day(int day) => day == 1 ? "1er" : day.ToString(Culture);
}
