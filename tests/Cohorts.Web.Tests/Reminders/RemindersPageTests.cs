using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Identity;
using Cohorts.Web.Jobs;
using Cohorts.Web.Pages;
using Cohorts.Web.Reminders;
using Cohorts.Web.Tests.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>A cohort's reminders page: what is to come (as the job will send it), what was sent, the switches, and who may see it.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RemindersPageTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Page => $"/gestion/promotions/{_scenario.CohortId}/rappels";

    private Task<HttpClient> ManagerAsync() => _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

    /// <summary>The section of one reminder kind on the page.</summary>
    internal static string Section(string page, string id) =>
        Regex.Match(page, $"<section[^>]*id=\"rappel-{id}\".*?</section>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task The_page_lists_the_reminders_to_come_in_Paris_time_then_the_ones_sent_with_a_link_to_the_mail_journal()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var draft = await _scenario.StartAsync(candidate);
        var manager = await ManagerAsync();

        var page = await Forms.ReadAsync(manager, Page);

        Assert.Contains("<h1>Rappels automatiques <span class=\"fr-text--lead\">— Booster Agile, Promotion 3</span></h1>", page, StringComparison.Ordinal);
        var deadline = Section(page, "application-deadline");
        Assert.Contains("2 rappels à venir", deadline, StringComparison.Ordinal);
        Assert.Contains($"<td>{Display.DateTime(_scenario.Deadline.AddDays(-7))}</td>", deadline, StringComparison.Ordinal);
        Assert.Contains($"<td>{Display.DateTime(_scenario.Deadline.AddDays(-1))}</td>", deadline, StringComparison.Ordinal);
        Assert.Contains("Camille Durand <camille@numerique.gouv.fr>", deadline, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/candidatures/{draft}\">Candidature en brouillon</a>", deadline, StringComparison.Ordinal);
        Assert.Contains("Aucun rappel de ce type n'a encore été envoyé pour cette promotion.", deadline, StringComparison.Ordinal);
        Assert.Contains("Aucun rappel à venir.", Section(page, "offer-expiring"), StringComparison.Ordinal);

        app.Clock.Advance(_scenario.Deadline.AddDays(-7).AddMinutes(5) - app.Clock.GetUtcNow());
        await app.WithScopeAsync(services => services.GetRequiredService<SendRemindersJob>().RunAsync(ReminderKind.ApplicationDeadline, CancellationToken.None));
        await ApplicationScenario.SignInAgainAsync(manager, "responsable@cohorts.test");
        deadline = Section(await Forms.ReadAsync(manager, Page), "application-deadline");

        Assert.Contains("1 rappel à venir", deadline, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{Display.DateTime(_scenario.Deadline.AddDays(-7))}</td>", deadline, StringComparison.Ordinal);
        Assert.Contains("1 rappel envoyé", deadline, StringComparison.Ordinal);
        Assert.Contains("<td>camille@numerique.gouv.fr</td>", deadline, StringComparison.Ordinal);
        Assert.Contains("Rappel : votre candidature n'est pas soumise, plus que 7 jours — Booster Agile, Promotion 3", deadline, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/courriels?cohorte={_scenario.CohortId}&kind=reminder-application-deadline\"", deadline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_due_and_not_sent_yet_is_listed_for_the_next_run()
    {
        await _scenario.StartAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        app.Clock.Advance(_scenario.Deadline.AddHours(-20) - app.Clock.GetUtcNow());

        var deadline = Section(await Forms.ReadAsync(await ManagerAsync(), Page), "application-deadline");

        Assert.Contains($"Au prochain passage (dû depuis le {Display.DateTime(_scenario.Deadline.AddDays(-1))})", deadline, StringComparison.Ordinal);
        Assert.Contains("1 rappel à venir", deadline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_switched_off_lists_nothing_to_come_and_says_so()
    {
        await _scenario.StartAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        var manager = await ManagerAsync();

        var page = await Forms.PostAndReadAsync(manager, $"{Page}?handler=SwitchOff", new Dictionary<string, string> { ["Kind"] = "ApplicationDeadline" });

        var deadline = Section(page, "application-deadline");
        Assert.Contains("Désactivé</span>", deadline, StringComparison.Ordinal);
        Assert.Contains($"désactivé pour cette promotion depuis le {Display.DateTime(app.Clock.GetUtcNow())} (par Paul Responsable) : aucun message de ce type ne part.", deadline, StringComparison.Ordinal);
        Assert.DoesNotContain("rappels à venir", deadline, StringComparison.Ordinal);
        Assert.Contains("Activé</span>", Section(page, "reviews-due"), StringComparison.Ordinal);
        var again = await Forms.PostAndReadAsync(manager, $"{Page}?handler=SwitchOff", new Dictionary<string, string> { ["Kind"] = "ApplicationDeadline" });
        Assert.Contains("Désactivé</span>", Section(again, "application-deadline"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReminderSwitches.CountAsync()));
        var refused = await Forms.PostAndReadAsync(manager, $"{Page}?handler=SwitchOff", new Dictionary<string, string> { ["Kind"] = "Nothing" });
        Assert.Contains("Choisissez un rappel de la liste.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_manager_finds_no_such_page_a_reviewer_is_refused_and_an_admin_sees_it()
    {
        var now = app.Clock.GetUtcNow();
        var otherProgram = await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("conseiller-strategie", "Conseiller en stratégie numérique", "Six mois.", "Parcours métier", true, true);
            db.AddRange(program, Cohort.Create(program, "Promotion Stratégie", 35, ParisTime.Today(now).AddMonths(3), ParisTime.Today(now).AddMonths(9),
                now.AddDays(-1), now.AddDays(30)));
            await db.SaveChangesAsync();
            return program.Id;
        });
        var other = await _scenario.SignedInAsync("strategie@cohorts.test", Roles.ProgramManager, "Sophie", "Stratège", manages: otherProgram);
        var reviewer = await _scenario.SignedInAsync("jury@cohorts.test", Roles.Reviewer, "Jeanne", "Jury");
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Page)).StatusCode);
        var post = await other.PostAsync($"{Page}?handler=SwitchOff", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "ApplicationDeadline", ["__RequestVerificationToken"] = await OfferSeats.TokenAsync(other, "/gestion"),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReminderSwitches.CountAsync()));
        var refused = await reviewer.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/acces-refuse", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task The_cohorts_staff_pages_link_to_its_reminders()
    {
        var manager = await ManagerAsync();
        foreach (var page in new[] { "/gestion", $"/gestion/promotions/{_scenario.CohortId}/candidatures", $"/gestion/promotions/{_scenario.CohortId}/jury" })
            Assert.Contains($"href=\"{Page}\"", await Forms.ReadAsync(manager, page), StringComparison.Ordinal);
    }
}
