using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Accounts;

[Collection(AppFixtureGroup.Name)]
public sealed partial class SignInTests(CohortsApp app) : IAsyncLifetime
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

    private const string CommonAnswer = "Adresse électronique ou mot de passe incorrect.";

    /// <summary>What a page tells its reader, without what differs from request to request: the token and the typed address.</summary>
    private static string Answer(string page, string typedAddress) =>
        TokenValue().Replace(page, "").Replace(typedAddress, "ADRESSE", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenValue();

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_even_for_the_right_one_until_the_lockout_ends()
    {
        await app.CreateUserAsync("agent@interieur.gouv.fr", Password, Roles.Candidate);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            await Forms.PostAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", $"mauvais mot de passe {i}"));

        var locked = await Forms.PostAndReadAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", Password));
        Assert.Contains(CommonAnswer, locked, StringComparison.Ordinal);
        Assert.Contains("suspendue pendant 15 minutes", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", locked, StringComparison.Ordinal);

        // Identity dates lockouts by the system clock, not TimeProvider: read the end it set, then let it pass.
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var unlocked = await Forms.PostAndReadAsync(client, "/connexion", Credentials("agent@interieur.gouv.fr", Password));
        Assert.Contains("Se déconnecter", unlocked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_an_unconfirmed_account_with_a_wrong_password_get_the_same_answer()
    {
        await app.CreateUserAsync("confirme@finances.gouv.fr", Password, Roles.Candidate);
        await app.CreateUserAsync("pas.confirme@finances.gouv.fr", Password, Roles.Candidate, confirmed: false);

        var answers = new List<string>();
        foreach (var address in new[] { "inconnu@finances.gouv.fr", "confirme@finances.gouv.fr", "pas.confirme@finances.gouv.fr" })
        {
            var response = await Forms.PostAsync(app.Client(), "/connexion", Credentials(address, "pas le bon mot de passe"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(Answer(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), address));
        }

        Assert.Contains(CommonAnswer, answers[0], StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
    }

    [Fact]
    public async Task After_six_wrong_passwords_a_real_address_and_an_unknown_one_get_identical_answers()
    {
        await app.CreateUserAsync("reel@culture.gouv.fr", Password, Roles.Candidate);
        var (realClient, unknownClient) = (app.Client(), app.Client());

        for (var i = 0; i < 7; i++)
        {
            // The seventh try gives the real account its right password: it is locked by then, and must not say so.
            var password = i < 6 ? $"mauvais mot de passe {i}" : Password;
            var real = await Forms.PostAsync(realClient, "/connexion", Credentials("reel@culture.gouv.fr", password));
            var unknown = await Forms.PostAsync(unknownClient, "/connexion", Credentials("inconnu@culture.gouv.fr", password));

            Assert.Equal(unknown.StatusCode, real.StatusCode);
            Assert.Equal(Answer(WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), "inconnu@culture.gouv.fr"),
                Answer(WebUtility.HtmlDecode(await real.Content.ReadAsStringAsync()), "reel@culture.gouv.fr"));
        }
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Every_sign_in_attempt_verifies_one_password_hash_whether_the_address_has_an_account_or_not()
    {
        await app.CreateUserAsync("reel@sante.gouv.fr", Password, Roles.Candidate);
        await app.WithScopeAsync(async services =>
        {
            // A staff account whose owner has not chosen a password yet.
            var users = services.GetRequiredService<UserManager<CohortsUser>>();
            Assert.True((await users.CreateAsync(CohortsUser.Create("nouveau@sante.gouv.fr", "Noé", "Nouveau", app.Clock.GetUtcNow()))).Succeeded);
        });
        var client = app.Client();

        // Unknown, wrong five times (the fifth locks), locked, locked with the right password, no password yet.
        string[] addresses = ["inconnu@sante.gouv.fr", .. Enumerable.Repeat("reel@sante.gouv.fr", 7), "nouveau@sante.gouv.fr"];
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            app.PasswordHashes.Reset();
            await Forms.PostAsync(client, "/connexion", Credentials(address, i == 7 ? Password : "pas le bon mot de passe"));
            Assert.True(app.PasswordHashes.Verified == 1, $"Attempt {i} ({address}): {app.PasswordHashes.Verified} password hashes verified");
        }
    }

    [Fact]
    public async Task The_address_field_asks_the_browser_for_an_email_address()
    {
        var page = await Forms.ReadAsync(app.Client(), "/connexion");

        var field = AddressInput().Match(page);
        Assert.True(field.Success, "No address field on the sign-in page");
        Assert.Contains("type=\"email\"", field.Value, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"email\"", field.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<input[^>]*name=\"Input.Email\"[^>]*>")]
    private static partial Regex AddressInput();

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
