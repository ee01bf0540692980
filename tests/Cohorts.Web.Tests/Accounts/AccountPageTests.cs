using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cohorts.Web.Tests.Support.ApplicationScenario;

namespace Cohorts.Web.Tests.Accounts;

/// <summary>An Admin's page for one account: roles, deactivation, a new invitation, the administration, and their history.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AccountPageTests(CohortsApp app) : IAsyncLifetime
{
    private const string WrongPasswordAnswer = "Adresse électronique ou mot de passe incorrect.";
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> AdminAsync(string email = "admin@numerique.gouv.fr", string firstName = "Alice") =>
        _scenario.SignedInAsync(email, Roles.Admin, firstName, "Admin");

    /// <summary>Posts one of the account page's forms, its token taken from the page, and reads where it leads.</summary>
    private static async Task<string> ActAsync(HttpClient admin, string accountId, string handler, Dictionary<string, string>? fields = null)
    {
        var response = await Forms.PostAsync(admin, $"/admin/comptes/{accountId}?handler={handler}", fields ?? [], tokenFrom: $"/admin/comptes/{accountId}");
        if (response.StatusCode == HttpStatusCode.Redirect) response = await admin.GetAsync(response.Headers.Location);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> GetLaterAsync(HttpClient client, string path)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return await client.GetAsync(path);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<List<string>> RolesOfAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email)
        .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (_, ur) => ur.RoleId)
        .Join(db.Roles, id => id, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task A_staff_account_created_with_its_administration_is_reached_from_the_list_and_shows_roles_state_and_administration()
    {
        var admin = await AdminAsync();

        var refused = await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Karim", ["Input.LastName"] = "Benali", ["Input.Email"] = "karim.benali@numerique.gouv.fr",
            ["Input.Roles"] = Roles.Reviewer, ["Input.Administration"] = "Une administration inconnue",
        });
        Assert.Contains("Choisissez une administration de la liste, ou laissez le champ vide.", refused, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));

        var list = await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Karim", ["Input.LastName"] = "Benali", ["Input.Email"] = "karim.benali@numerique.gouv.fr",
            ["Input.Roles"] = Roles.Reviewer, ["Input.Administration"] = AdministrationLabel,
        });
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "karim.benali@numerique.gouv.fr").Select(u => u.Id).SingleAsync());
        Assert.Contains($"<a href=\"/admin/comptes/{id}\">Karim Benali</a>", list, StringComparison.Ordinal);

        var page = await Forms.ReadAsync(admin, $"/admin/comptes/{id}");
        Assert.Contains("<h1>Karim Benali</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Rôles : Membre du jury", page, StringComparison.Ordinal);
        Assert.Contains("État : actif", page, StringComparison.Ordinal);
        Assert.Contains("Adresse confirmée : non", page, StringComparison.Ordinal);
        Assert.Contains("Mot de passe choisi : non", page, StringComparison.Ordinal);
        Assert.Contains($"Administration : {AdministrationLabel}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ProgramManager_is_refused_the_account_page_and_its_forms()
    {
        var coach = await app.CreateUserAsync("coach@numerique.gouv.fr", Password, Roles.Coach);
        var manager = await _scenario.SignedInAsync("responsable@numerique.gouv.fr", Roles.ProgramManager);

        var response = await manager.GetAsync($"/admin/comptes/{coach.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(response.Headers.Location)).StatusCode);

        var posted = await Forms.PostAsync(manager, $"/admin/comptes/{coach.Id}?handler=Deactivate", new Dictionary<string, string>(), tokenFrom: "/");
        Assert.StartsWith("/acces-refuse", posted.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == coach.Id).Select(u => u.DeactivatedAt).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/comptes/inconnu")).StatusCode);
    }

    [Fact]
    public async Task A_role_removed_by_an_Admin_cannot_be_used_in_a_session_already_open_and_the_change_is_in_the_history()
    {
        var manager = await _scenario.SignedInAsync("responsable@numerique.gouv.fr", Roles.ProgramManager, "Paul", "Responsable");
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(manager, "/gestion")).StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "responsable@numerique.gouv.fr").Select(u => u.Id).SingleAsync());
        var admin = await AdminAsync();

        var page = await ActAsync(admin, id, "Roles", new() { ["Roles"] = Roles.Coach });

        Assert.Contains("Les rôles de Paul Responsable sont enregistrés ; ses sessions ouvertes sont fermées.", page, StringComparison.Ordinal);
        Assert.Contains($"{Cohorts.Web.Pages.Display.DateTime(app.Clock.GetUtcNow())} : Rôles modifiés : Responsable de programme → Coach, par Alice Admin", page, StringComparison.Ordinal);
        Assert.Equal([Roles.Coach], await RolesOfAsync("responsable@numerique.gouv.fr"));
        AssertSentToSignIn(await GetLaterAsync(manager, "/gestion"));
        await SignInAgainAsync(manager, "responsable@numerique.gouv.fr");
        Assert.StartsWith("/acces-refuse", (await GetLaterAsync(manager, "/gestion")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Admin_who_gives_themselves_a_role_stays_signed_in_with_it()
    {
        var admin = await AdminAsync();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@numerique.gouv.fr").Select(u => u.Id).SingleAsync());

        var page = await ActAsync(admin, id, "Roles", new() { ["Roles[0]"] = Roles.Admin, ["Roles[1]"] = Roles.ProgramManager });
        Assert.Contains("Les rôles d'Alice Admin sont enregistrés", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(admin, "/gestion")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(admin, $"/admin/comptes/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_account_keeps_at_least_one_role()
    {
        var coach = await app.CreateUserAsync("coach@numerique.gouv.fr", Password, Roles.Coach);
        var admin = await AdminAsync();

        var page = await ActAsync(admin, coach.Id, "Roles");

        Assert.Contains("Choisissez au moins un rôle.", page, StringComparison.Ordinal);
        Assert.Equal([Roles.Coach], await RolesOfAsync("coach@numerique.gouv.fr"));
    }

    [Fact]
    public async Task An_Admin_cannot_remove_their_own_Admin_role_nor_deactivate_their_own_account()
    {
        var admin = await AdminAsync();
        await AdminAsync("autre.admin@numerique.gouv.fr", "Bruno");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@numerique.gouv.fr").Select(u => u.Id).SingleAsync());

        var roles = await ActAsync(admin, id, "Roles", new() { ["Roles"] = Roles.ProgramManager });
        Assert.Contains("Vous ne pouvez pas retirer votre propre rôle d'administrateur", roles, StringComparison.Ordinal);
        var deactivate = await ActAsync(admin, id, "Deactivate");
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte", deactivate, StringComparison.Ordinal);

        Assert.Equal([Roles.Admin], await RolesOfAsync("admin@numerique.gouv.fr"));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DeactivatedAt).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccountActions.CountAsync()));
    }

    /// <summary>
    /// Alice's request is past authorization when a colleague's change lands: her own Admin role gone, then her account
    /// deactivated, both written here without touching her session. Bruno is then the last active Admin and stays one.
    /// </summary>
    [Fact]
    public async Task The_last_active_Admin_keeps_the_Admin_role_and_stays_active()
    {
        var alice = await AdminAsync();
        var bruno = await app.CreateUserAsync("bruno.admin@numerique.gouv.fr", Password, Roles.Admin, firstName: "Bruno", lastName: "Admin");
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CohortsUser>>();
            var self = (await users.FindByEmailAsync("admin@numerique.gouv.fr"))!;
            await users.AddToRoleAsync(self, Roles.ProgramManager);
            await users.RemoveFromRoleAsync(self, Roles.Admin);
        });

        var roles = await ActAsync(alice, bruno.Id, "Roles", new() { ["Roles"] = Roles.Coach });
        Assert.Contains("C'est le dernier compte administrateur actif", roles, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await RolesOfAsync("bruno.admin@numerique.gouv.fr"));

        var deactivate = await ActAsync(alice, bruno.Id, "Deactivate");
        Assert.Contains("C'est le dernier compte administrateur actif", deactivate, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == bruno.Id).Select(u => u.DeactivatedAt).SingleAsync()));

        // The same with Alice still an Admin but deactivated: a deactivated Admin does not count either.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.email = 'admin@numerique.gouv.fr' AND r.name = 'Admin'"));
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@numerique.gouv.fr").ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, DateTimeOffset.UtcNow)));
        Assert.Contains("C'est le dernier compte administrateur actif", await ActAsync(alice, bruno.Id, "Deactivate"), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == bruno.Id).Select(u => u.DeactivatedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_open_session_and_signs_in_again_only_once_reactivated()
    {
        var manager = await _scenario.SignedInAsync("responsable@numerique.gouv.fr", Roles.ProgramManager, "Paul", "Responsable");
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(manager, "/gestion")).StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "responsable@numerique.gouv.fr").Select(u => u.Id).SingleAsync());
        var admin = await AdminAsync();

        var page = await ActAsync(admin, id, "Deactivate");
        Assert.Contains("Le compte de Paul Responsable est désactivé ; ses sessions ouvertes sont fermées.", page, StringComparison.Ordinal);
        Assert.Contains("État : désactivé depuis le", page, StringComparison.Ordinal);
        AssertSentToSignIn(await GetLaterAsync(manager, "/gestion"));

        var again = app.Client(followRedirects: false);
        var refused = await SignInAsync(again, "responsable@numerique.gouv.fr");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WrongPasswordAnswer, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The forgotten-password page answers as for anyone and sends nothing; the active account's email proves the sending ran.
        var forgotten = await Forms.PostAndReadAsync(app.Client(), "/mot-de-passe/oublie", new Dictionary<string, string> { ["Email"] = "responsable@numerique.gouv.fr" });
        var other = await Forms.PostAndReadAsync(app.Client(), "/mot-de-passe/oublie", new Dictionary<string, string> { ["Email"] = "admin@numerique.gouv.fr" });
        Assert.Equal(other.Replace("admin@numerique.gouv.fr", "", StringComparison.Ordinal), forgotten.Replace("responsable@numerique.gouv.fr", "", StringComparison.Ordinal));
        await app.Mailbox.WaitForAsync("admin@numerique.gouv.fr", "Réinitialisez");
        Assert.DoesNotContain(app.Mailbox.Received, m => m.To.Mailboxes.Any(a => a.Address == "responsable@numerique.gouv.fr"));

        var reactivated = await ActAsync(admin, id, "Reactivate");
        Assert.Contains("Le compte de Paul Responsable est réactivé", reactivated, StringComparison.Ordinal);
        Assert.Contains("Compte réactivé, par Alice Admin", reactivated, StringComparison.Ordinal);
        Assert.Contains("Compte désactivé, par Alice Admin", reactivated, StringComparison.Ordinal);
        var signedIn = await SignInAsync(again, "responsable@numerique.gouv.fr");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(again, "/gestion")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_whose_address_is_unconfirmed_is_sent_no_new_confirmation_link()
    {
        var coach = await app.CreateUserAsync("coach@numerique.gouv.fr", Password, Roles.Coach, confirmed: false);
        await app.CreateUserAsync("autre.coach@numerique.gouv.fr", Password, Roles.Coach, confirmed: false);
        var admin = await AdminAsync();
        await ActAsync(admin, coach.Id, "Deactivate");

        await Forms.PostAsync(app.Client(), "/confirmation/renvoyer", new Dictionary<string, string> { ["Email"] = "coach@numerique.gouv.fr" });
        await Forms.PostAsync(app.Client(), "/confirmation/renvoyer", new Dictionary<string, string> { ["Email"] = "autre.coach@numerique.gouv.fr" });

        await app.Mailbox.WaitForAsync("autre.coach@numerique.gouv.fr");
        Assert.DoesNotContain(app.Mailbox.Received, m => m.To.Mailboxes.Any(a => a.Address == "coach@numerique.gouv.fr"));
    }

    [Fact]
    public async Task The_invitation_sent_again_arrives_and_its_link_chooses_the_password()
    {
        var admin = await AdminAsync();
        await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Karim", ["Input.LastName"] = "Benali", ["Input.Email"] = "karim.benali@numerique.gouv.fr", ["Input.Roles"] = Roles.Coach,
        });
        await app.Mailbox.WaitForAsync("karim.benali@numerique.gouv.fr");
        app.Mailbox.Clear();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "karim.benali@numerique.gouv.fr").Select(u => u.Id).SingleAsync());

        var page = await ActAsync(admin, id, "Invitation");
        Assert.Contains("Une nouvelle invitation a été envoyée à karim.benali@numerique.gouv.fr", page, StringComparison.Ordinal);
        Assert.Contains("Invitation envoyée de nouveau, par Alice Admin", page, StringComparison.Ordinal);

        var email = await app.Mailbox.WaitForAsync("karim.benali@numerique.gouv.fr");
        Assert.Equal("Votre compte Cohorts a été créé", email.Subject);
        var coach = app.Client();
        var done = await Forms.PostAndReadAsync(coach, Mailbox.LinkIn(email, app.BaseUrl), new Dictionary<string, string>
            { ["Input.Password"] = "la phrase du coach karim", ["Input.ConfirmPassword"] = "la phrase du coach karim" });
        Assert.Contains("Votre mot de passe est enregistré.", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.Client(followRedirects: false), "karim.benali@numerique.gouv.fr", "la phrase du coach karim")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_is_sent_no_invitation()
    {
        var coach = await app.CreateUserAsync("coach@numerique.gouv.fr", Password, Roles.Coach);
        var admin = await AdminAsync();
        await ActAsync(admin, coach.Id, "Deactivate");

        var page = await ActAsync(admin, coach.Id, "Invitation");

        Assert.Contains("Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_staff_account_administration_is_chosen_from_the_list_and_each_change_recorded()
    {
        var coach = await app.CreateUserAsync("coach@numerique.gouv.fr", Password, Roles.Coach, firstName: "Inès", lastName: "Martin");
        var admin = await AdminAsync();

        var refused = await ActAsync(admin, coach.Id, "Administration", new() { ["Administration"] = "Direction inconnue" });
        Assert.Contains("Choisissez une administration de la liste, ou laissez le champ vide.", refused, StringComparison.Ordinal);

        var page = await ActAsync(admin, coach.Id, "Administration", new() { ["Administration"] = "Direction générale des Finances publiques" });
        Assert.Contains("L'administration d'Inès Martin est enregistrée.", page, StringComparison.Ordinal);
        Assert.Contains("Administration : Direction générale des Finances publiques (MEF)", page, StringComparison.Ordinal);

        var cleared = await ActAsync(admin, coach.Id, "Administration", new() { ["Administration"] = "" });
        Assert.Contains("Administration : non renseignée", cleared, StringComparison.Ordinal);
        Assert.Contains("Administration modifiée : aucune → Direction générale des Finances publiques (MEF), par Alice Admin", cleared, StringComparison.Ordinal);
        Assert.Contains("Administration modifiée : Direction générale des Finances publiques (MEF) → aucune, par Alice Admin", cleared, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == coach.Id).Select(u => u.AdministrationId).SingleAsync()));
    }
}
