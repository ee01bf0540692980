using System.Net;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Catalogue;

[Collection(AppFixtureGroup.Name)]
public sealed class CohortPagesTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Fields(string name, string closes = "2031-01-15T12:00", string seats = "30", bool published = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Seats"] = seats, ["Input.StartsOn"] = "2031-03-01", ["Input.EndsOn"] = "2031-06-30",
            ["Input.OpensAt"] = "2030-12-01T09:00", ["Input.ClosesAt"] = closes, ["Input.Place"] = "Paris, campus du numérique",
            ["Input.Format"] = "8 journées en présentiel, 6 séances à distance",
        };
        if (published) fields["Input.Published"] = "true";
        return fields;
    }

    private Task<Cohort> LoadAsync(int id) => app.WithDbAsync(db => db.Cohorts.AsNoTracking().Include(c => c.DeadlineChanges).SingleAsync(c => c.Id == id));

    private async Task<int> CreateAsync(HttpClient manager, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(manager, $"/gestion/programmes/{_scenario.ProgramId}/promotions/nouvelle", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_manager_creates_a_cohort_in_Paris_time_stored_in_UTC_hidden_from_the_public_until_published()
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        var id = await CreateAsync(manager, Fields("Promotion 4"));

        var cohort = await LoadAsync(id);
        // 12:00 in Paris on 15 January (winter time) is 11:00 UTC.
        Assert.Equal(new DateTimeOffset(2031, 1, 15, 11, 0, 0, TimeSpan.Zero), cohort.ApplicationsCloseAt);
        Assert.Equal(("Paris, campus du numérique", 30, false), (cohort.Place, cohort.Seats, cohort.Published));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/promotions/{id}")).StatusCode);
        Assert.DoesNotContain("Promotion 4", await Forms.ReadAsync(app.Client(), "/"), StringComparison.Ordinal);
        Assert.Contains("n'est pas publiée", await Forms.ReadAsync(manager, $"/promotions/{id}"), StringComparison.Ordinal);

        var published = await Forms.PostAsync(manager, $"/gestion/promotions/{id}/modifier", Fields("Promotion 4", published: true));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Promotion 4", await Forms.ReadAsync(app.Client(), "/"), StringComparison.Ordinal);
        var page = await Forms.ReadAsync(app.Client(), $"/promotions/{id}");
        Assert.Contains("Paris, campus du numérique", page, StringComparison.Ordinal);
        Assert.Contains("15 janvier 2031 à 12 h 00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_cohort_cannot_be_applied_to()
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);
        await Forms.PostAsync(manager, $"/gestion/promotions/{_scenario.CohortId}/modifier",
            new Dictionary<string, string>(Fields("Promotion 3", closes: "2030-12-20T12:00")) { ["Input.OpensAt"] = "2020-01-01T09:00" });
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");

        var response = await Forms.PostAsync(candidate, $"/promotions/{_scenario.CohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: "/candidatures");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("2030-11-01T12:00", "L'appel à candidatures doit fermer après son ouverture.")]
    [InlineData("2031-03-02T12:00", "L'appel à candidatures doit fermer avant le début de la promotion.")]
    public async Task A_deadline_out_of_order_is_refused_in_French(string closes, string message)
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        var page = await Forms.PostAndReadAsync(manager, $"/gestion/programmes/{_scenario.ProgramId}/promotions/nouvelle", Fields("Promotion 4", closes));

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cohorts.CountAsync()));
    }

    [Fact]
    public async Task Seats_cannot_drop_below_the_places_already_accepted()
    {
        var ids = new List<Guid>();
        foreach (var n in Enumerable.Range(1, 3))
            ids.Add(await _scenario.SubmitAsync(await _scenario.SignedInAsync($"c{n}@numerique.gouv.fr"), lastName: $"Candidat{n}"));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE applications SET state = 'OfferAccepted' WHERE id = ANY({0})", ids.ToArray()));
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);
        var url = $"/gestion/promotions/{_scenario.CohortId}/modifier";
        var current = await LoadAsync(_scenario.CohortId);
        Dictionary<string, string> WithSeats(string seats) => new(Fields("Promotion 3", seats: seats, published: true))
        {
            ["Input.StartsOn"] = current.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = current.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OpensAt"] = Cohorts.Domain.ParisTime.ToParis(current.ApplicationsOpenAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesAt"] = Cohorts.Domain.ParisTime.ToParis(current.ApplicationsCloseAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };

        var refused = await Forms.PostAndReadAsync(manager, url, WithSeats("2"));
        Assert.Contains("La promotion compte déjà 3 places acceptées : elle ne peut pas en avoir moins.", refused, StringComparison.Ordinal);
        Assert.Equal(100, (await LoadAsync(_scenario.CohortId)).Seats);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, url, WithSeats("3"))).StatusCode);
        Assert.Equal(3, (await LoadAsync(_scenario.CohortId)).Seats);
    }

    [Fact]
    public async Task A_deadline_moved_after_applications_exist_is_recorded_shown_and_emailed_to_candidates_with_a_draft_only()
    {
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("soumise@numerique.gouv.fr"), lastName: "Soumise");
        await _scenario.StartAsync(await _scenario.SignedInAsync("brouillon@numerique.gouv.fr", firstName: "Bruno"));
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var before = await LoadAsync(_scenario.CohortId);
        var url = $"/gestion/promotions/{_scenario.CohortId}/modifier";
        var form = new Dictionary<string, string>(Fields("Promotion 3", published: true))
        {
            ["Input.StartsOn"] = before.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = before.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OpensAt"] = Cohorts.Domain.ParisTime.ToParis(before.ApplicationsOpenAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesAt"] = Cohorts.Domain.ParisTime.ToParis(before.ApplicationsCloseAt.AddDays(7)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
        app.Mailbox.Clear();

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, url, form)).StatusCode);

        var after = await LoadAsync(_scenario.CohortId);
        var change = Assert.Single(after.DeadlineChanges);
        Assert.Equal((before.ApplicationsCloseAt, after.ApplicationsCloseAt, "Paul Responsable"), (change.From, change.To, change.ActorName));
        // The form reads to the minute.
        var typed = before.ApplicationsCloseAt.AddDays(7);
        Assert.Equal(typed.AddTicks(-(typed.Ticks % TimeSpan.TicksPerMinute)), after.ApplicationsCloseAt);
        Assert.Contains("par Paul Responsable", await Forms.ReadAsync(manager, url), StringComparison.Ordinal);
        var message = await app.Mailbox.WaitForAsync("brouillon@numerique.gouv.fr", "Nouvelle date limite");
        Assert.Contains("Bonjour Bruno", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Cohorts.Web.Pages.Display.DateTime(after.ApplicationsCloseAt), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>", message.HtmlBody, StringComparison.Ordinal);
        // The submitted candidate has nothing left to plan on the deadline: no message is written to them.
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "soumise@numerique.gouv.fr" && m.Subject.Contains("date limite"))));
    }

    [Fact]
    public async Task Another_programs_cohort_cannot_be_created_nor_edited()
    {
        var (otherProgram, otherCohort) = await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("autre", "Autre programme", "", "", true, false);
            var cohort = Cohort.Create(program, "Autre promotion", 10, new DateOnly(2031, 3, 1), new DateOnly(2031, 6, 30),
                new DateTimeOffset(2030, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 1, 15, 11, 0, 0, TimeSpan.Zero));
            db.AddRange(program, cohort);
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id);
        });
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/gestion/programmes/{otherProgram}/promotions/nouvelle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/gestion/promotions/{otherCohort}/modifier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/promotions/{otherCohort}")).StatusCode);
        var post = await Forms.PostAsync(manager, $"/gestion/promotions/{otherCohort}/modifier", Fields("Prise", published: true), tokenFrom: "/gestion");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False((await LoadAsync(otherCohort)).Published);
    }
}
