using System.Globalization;
using Cohorts.Domain;

namespace Cohorts.Web.Pages;

/// <summary>How dates read on screen and in emails: French, in Paris time.</summary>
public static class Display
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", French);

    public static string DateTime(DateTimeOffset instant) =>
        ParisTime.ToParis(instant).ToString("d MMMM yyyy 'à' H' h 'mm", French);

    public static string Period(DateOnly from, DateOnly to) => $"du {Date(from)} au {Date(to)}";
}
