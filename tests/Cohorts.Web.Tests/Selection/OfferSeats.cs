using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

/// <summary>
/// Puts a <see cref="SelectionScenario"/>'s applications where the published decisions would: admitted with an offer,
/// waitlisted with a rank, or accepted, straight through the domain (the publication is another slice's).
/// </summary>
public static partial class OfferSeats
{
    private static readonly ActorRef Committee = new(Actor.ProgramManager, null, "Paul Responsable");

    public static Task AdmitAsync(this CohortsApp app, IEnumerable<Guid> applications, DateTimeOffset offerExpiresAt)
    {
        var ids = applications.ToList();
        return app.WithDbAsync(async db =>
        {
            var list = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync();
            var cohortId = list.Select(a => a.CohortId).Distinct().Single();
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId);
            var context = ApplicationContext.For(cohort, app.Clock.GetUtcNow());
            foreach (var application in list) application.Admit(context, Committee, offerExpiresAt);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Waitlists the applications in this order, ranks from <paramref name="firstRank"/>.</summary>
    public static Task WaitlistAsync(this CohortsApp app, IReadOnlyList<Guid> applications, int firstRank = 1) => app.WithDbAsync(async db =>
    {
        var list = await db.Applications.Where(a => applications.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var cohortId = list.Values.Select(a => a.CohortId).Distinct().Single();
        var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId);
        var context = ApplicationContext.For(cohort, app.Clock.GetUtcNow());
        for (var i = 0; i < applications.Count; i++) list[applications[i]].Waitlist(context, Committee, firstRank + i);
        return await db.SaveChangesAsync();
    });

    /// <summary>Admits and accepts at once, with the enrollment, as an acceptance made earlier would have left them.</summary>
    public static async Task AcceptedAsync(this CohortsApp app, IReadOnlyList<SelectionScenario.SeededApplication> applications)
    {
        await app.AdmitAsync(applications.Select(a => a.Id), app.Clock.GetUtcNow().AddDays(7));
        await app.WithDbAsync(async db =>
        {
            var ids = applications.Select(a => a.Id).ToList();
            foreach (var application in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == application.CohortId);
                var candidate = new ActorRef(Actor.Candidate, application.CandidateId, $"{application.FirstName} {application.LastName}");
                application.AcceptOffer(ApplicationContext.For(cohort, app.Clock.GetUtcNow()), candidate);
                db.Enrollments.Add(Enrollment.Open(application.Id, cohort.Id, candidate, app.Clock.GetUtcNow()));
            }
            return await db.SaveChangesAsync();
        });
    }

    public static Task SettingsAsync(this CohortsApp app, int cohortId, int? maxPerAdministration = null, int? maxPerMinistry = null,
        int offerDays = 7) => app.WithDbAsync(async db =>
    {
        var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == cohortId);
        settings.Edit(2, null, 1.5, maxPerAdministration, maxPerMinistry, null, null, null, null, offerDays);
        return await db.SaveChangesAsync();
    });

    public static Task<ApplicationState> StateAsync(this CohortsApp app, Guid application) =>
        app.WithDbAsync(db => db.Applications.Where(a => a.Id == application).Select(a => a.State).SingleAsync());

    /// <summary>The anti-forgery token of a page, for posts prepared before they are all sent at once.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"No anti-forgery token on {url}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string url, string token) =>
        client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
