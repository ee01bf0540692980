using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Accounts;

[Collection(AppFixtureGroup.Name)]
public sealed class SignInTests(CohortsApp app) : IAsyncLifetime
{
    private const string Password = "une phrase de passe solide";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_is_wrong()
    {
        await app.CreateUserAsync("agent@finances.gouv.fr", Password, Roles.Candidate);

        var wrongPassword = await Forms.PostAndReadAsync(app.Client(), "/connexion", Credentials("agent@finances.gouv.fr", "pas le bon mot de passe"));
        var unknownAccount = await Forms.PostAndReadAsync(app.Client(), "/connexion", Credentials("inconnu@finances.gouv.fr", Password));

        Assert.Contains("Adresse électronique ou mot de passe incorrect.", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", unknownAccount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_even_for_the_right_one_until_the_lockout_ends()
    {
        await app.CreateUserAsync("agent@interieur.gouv.fr", Password, Roles.Candidate);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            await Forms.PostAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", $"mauvais mot de passe {i}"));

        var locked = await Forms.PostAndReadAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", Password));
        Assert.Contains("Votre compte est verrouillé", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", locked, StringComparison.Ordinal);

        // Identity dates lockouts by the system clock, not TimeProvider: read the end it set, then let it pass.
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var unlocked = await Forms.PostAndReadAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", Password));
        Assert.Contains("Se déconnecter", unlocked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client_address()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            statuses.Add((await Forms.PostAsync(client, "/connexion", Credentials($"robot{i}@example.org", "n'importe quoi du tout"))).StatusCode);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        var page = await Forms.PostAsync(client, "/connexion", Credentials("robot@example.org", "n'importe quoi du tout"));
        Assert.Contains("Trop de tentatives", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Another address is not affected.
        var other = await Forms.PostAsync(app.Client(), "/connexion", Credentials("robot@example.org", "n'importe quoi du tout"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await app.CreateUserAsync("agent@culture.gouv.fr", Password, Roles.Candidate);
        var client = app.Client();
        await Forms.PostAsync(client, "/connexion", Credentials("agent@culture.gouv.fr", Password));

        var page = await Forms.PostAndReadAsync(client, "/deconnexion", new Dictionary<string, string>());

        Assert.Contains("Vous êtes déconnecté.", page, StringComparison.Ordinal);
        Assert.Contains("Se connecter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgotten_password_sends_a_link_that_sets_a_new_one_once()
    {
        await app.CreateUserAsync("oubli@armees.gouv.fr", Password, Roles.Candidate);
        var client = app.Client();

        var sent = await Forms.PostAndReadAsync(client, "/mot-de-passe/oublie", new Dictionary<string, string> { ["Email"] = "oubli@armees.gouv.fr" });
        Assert.Contains("Si un compte existe", sent, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("oubli@armees.gouv.fr", "Réinitialisez"), app.BaseUrl);

        var newPassword = new Dictionary<string, string> { ["Input.Password"] = "ma nouvelle phrase secrète", ["Input.ConfirmPassword"] = "ma nouvelle phrase secrète" };
        var done = await Forms.PostAndReadAsync(client, link, newPassword);
        Assert.Contains("Votre mot de passe est enregistré.", done, StringComparison.Ordinal);
        var signedIn = await Forms.PostAndReadAsync(client, "/connexion", Credentials("oubli@armees.gouv.fr", "ma nouvelle phrase secrète"));
        Assert.Contains("Se déconnecter", signedIn, StringComparison.Ordinal);

        var reused = await Forms.PostAndReadAsync(app.Client(), link, newPassword);
        Assert.Contains("Ce lien n'est pas valide ou a expiré.", reused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgotten_password_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/mot-de-passe/oublie", new Dictionary<string, string> { ["Email"] = "personne@nulle-part.fr" });

        Assert.Contains("Si un compte existe", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
