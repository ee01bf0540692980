using System.Globalization;
using Cohorts.Domain;
using Cohorts.Domain.Selection;

namespace Cohorts.Web.Selection;

/// <summary>How an interview reads, in French and Paris time, the same on the pages, in the emails and in the calendar event.</summary>
public static class InterviewText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"mardi 15 décembre 2026".</summary>
    public static string Date(DateTimeOffset at)
    {
        var paris = ParisTime.ToParis(at);
        return $"{paris.ToString("dddd", French)} {Pages.Display.Date(DateOnly.FromDateTime(paris.DateTime))}";
    }

    /// <summary>"14 h 30".</summary>
    public static string Time(DateTimeOffset at) => ParisTime.ToParis(at).ToString("H' h 'mm", French);

    /// <summary>"45 minutes", "1 h", "1 h 30".</summary>
    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} minutes",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60:00}",
    };

    /// <summary>"mardi 15 décembre 2026 à 14 h 30 (45 minutes)".</summary>
    public static string When(Interview interview) => $"{Date(interview.At)} à {Time(interview.At)} ({Duration(interview.DurationMinutes)})";

    /// <summary>The place, the video link, or both.</summary>
    public static string Where(Interview interview) => (interview.Place, interview.VideoLink) switch
    {
        ({ Length: > 0 } place, { Length: > 0 } link) => $"{place} ou en visioconférence : {link}",
        ({ Length: > 0 } place, _) => place,
        (_, var link) => $"En visioconférence : {link}",
    };

    /// <summary>"Juré Un, Jurée Deux et Juré Trois".</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} et {names[^1]}",
    };
}
