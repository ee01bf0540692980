using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Accounts;

[Collection(AppFixtureGroup.Name)]
public sealed class StaffAccountTests(CohortsApp app) : IAsyncLifetime
{
    private const string Password = "une phrase de passe solide";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> AdminAsync()
    {
        await app.CreateUserAsync("admin@cohorts.test", Password, Roles.Admin);
        var client = app.Client();
        await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = "admin@cohorts.test", ["Input.Password"] = Password });
        return client;
    }

    [Fact]
    public async Task An_admin_creates_a_coach_who_chooses_a_password_from_the_email_and_signs_in()
    {
        var admin = await AdminAsync();

        var list = await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Karim",
            ["Input.LastName"] = "Benali",
            ["Input.Email"] = "karim.benali@numerique.gouv.fr",
            ["Input.Roles"] = Roles.Coach,
        });
        Assert.Contains("Le compte de Karim Benali est créé", list, StringComparison.Ordinal);
        Assert.Contains("karim.benali@numerique.gouv.fr", list, StringComparison.Ordinal);
        Assert.Contains("En attente de confirmation", list, StringComparison.Ordinal);

        var email = await app.Mailbox.WaitForAsync("karim.benali@numerique.gouv.fr");
        Assert.Equal("Votre compte Cohorts a été créé", email.Subject);
        Assert.Contains("Coach", email.TextBody, StringComparison.Ordinal);
        var coach = app.Client();
        var done = await Forms.PostAndReadAsync(coach, Mailbox.LinkIn(email, app.BaseUrl), new Dictionary<string, string>
        {
            ["Input.Password"] = "la phrase du coach karim",
            ["Input.ConfirmPassword"] = "la phrase du coach karim",
        });
        Assert.Contains("Votre mot de passe est enregistré.", done, StringComparison.Ordinal);

        var home = await Forms.PostAndReadAsync(coach, "/connexion", new Dictionary<string, string>
            { ["Input.Email"] = "karim.benali@numerique.gouv.fr", ["Input.Password"] = "la phrase du coach karim" });
        Assert.Contains("Karim Benali", home, StringComparison.Ordinal);
        var roles = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "karim.benali@numerique.gouv.fr")
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (_, ur) => ur.RoleId)
            .Join(db.Roles, id => id, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Coach], roles);
    }

    [Fact]
    public async Task A_staff_account_needs_a_staff_role_and_the_Candidate_role_cannot_be_given_here()
    {
        var admin = await AdminAsync();

        var page = await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Eve",
            ["Input.LastName"] = "Intruse",
            ["Input.Email"] = "eve@cohorts.test",
            ["Input.Roles"] = Roles.Candidate,
        });

        Assert.Contains("Choisissez au moins un rôle.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"eve@cohorts.test\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_admin_is_told_the_address_is_already_that_of_another_account()
    {
        var admin = await AdminAsync();
        await app.CreateUserAsync("deja@numerique.gouv.fr", Password, Roles.Candidate);

        var page = await Forms.PostAndReadAsync(admin, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Karim",
            ["Input.LastName"] = "Benali",
            ["Input.Email"] = "deja@numerique.gouv.fr",
            ["Input.Roles"] = Roles.Coach,
        });

        Assert.Contains("L'adresse « deja@numerique.gouv.fr » est déjà celle d'un autre compte.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Un compte existe déjà", page, StringComparison.Ordinal);
        Assert.DoesNotContain("est déjà utilisé", page, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_candidate_cannot_create_a_staff_account_by_posting_directly()
    {
        await app.CreateUserAsync("candidat@cohorts.test", Password, Roles.Candidate);
        var client = app.Client(followRedirects: false);
        await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = "candidat@cohorts.test", ["Input.Password"] = Password });

        // A valid token (from the home page's sign-out form): only the role stands in the way.
        var response = await Forms.PostAsync(client, "/admin/comptes/nouveau", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "X", ["Input.LastName"] = "Y", ["Input.Email"] = "x@cohorts.test", ["Input.Roles"] = Roles.Admin,
        }, tokenFrom: "/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
