using System.Globalization;
using System.Net;
using System.Text;
using Cohorts.Domain;
using Cohorts.Web.Tests.Support;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using MimeKit;

namespace Cohorts.Web.Tests.Sessions;

/// <summary>The staff session form as a browser posts it, and what the emails about sessions carry.</summary>
public static class SessionForms
{
    public static Dictionary<string, string> Fields(string kind, string title, DateOnly day, string starts, string ends, string leadId,
        string place = "Campus du numérique", string videoLink = "", IEnumerable<string>? participants = null) =>
        new()
        {
            ["Input.Kind"] = kind, ["Input.Title"] = title, ["Input.Description"] = "", ["Input.Date"] = Day(day),
            ["Input.StartTime"] = starts, ["Input.EndTime"] = ends, ["Input.Mandatory"] = "true", ["Input.Hours"] = "", ["Input.LeadId"] = leadId,
            ["Input.Place"] = place, ["Input.Address"] = "20 avenue de Ségur, Paris", ["Input.Room"] = "B12", ["Input.VideoLink"] = videoLink,
            ["Input.Participants"] = string.Join(",", participants ?? []), ["Repeat.Mode"] = "Once", ["Repeat.Weeks"] = "", ["Repeat.Until"] = "",
        };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(CohortsApp app) => ParisTime.Today(app.Clock.GetUtcNow());

    /// <summary>Posts a form whose fields may repeat (several participants: "a,b"), follows the redirect, and returns the page and where it ended.</summary>
    public static async Task<(HttpStatusCode Status, string Page, string Path)> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var expanded = fields.SelectMany(f => f.Key == "Input.Participants" && f.Value.Length > 0
            ? f.Value.Split(',').Select(v => new KeyValuePair<string, string>(f.Key, v))
            : [f]).ToList();
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"No anti-forgery token on {url}");
        expanded.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(expanded));
        var path = url;
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            path = location.ToString();
            response = await client.GetAsync(location);
        }
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), path);
    }

    /// <summary>The calendar events attached to an email (seance.ics), parsed by Ical.Net.</summary>
    public static IReadOnlyList<(CalendarEvent Event, Calendar Calendar)> EventsOf(MimeMessage message) =>
        message.Attachments.OfType<MimePart>().Where(p => p.ContentType.MimeType == "text/calendar").Select(part =>
        {
            Assert.Equal("seance.ics", part.FileName);
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            var calendar = Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
            return (Assert.Single(calendar.Events), calendar);
        }).ToList();
}
