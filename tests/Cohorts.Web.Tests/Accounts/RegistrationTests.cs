using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Accounts;

[Collection(AppFixtureGroup.Name)]
public sealed partial class RegistrationTests(CohortsApp app) : IAsyncLifetime
{
    private const string Password = "une phrase de passe solide";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Registration(string email, string password = Password, string? confirm = null) => new()
    {
        ["Input.FirstName"] = "Camille",
        ["Input.LastName"] = "Durand",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private static Dictionary<string, string> Credentials(string email, string password = Password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task A_candidate_registers_confirms_the_email_received_by_SMTP_and_signs_in()
    {
        var client = app.Client();

        var afterRegistration = await Forms.PostAndReadAsync(client, "/inscription", Registration("camille.durand@finances.gouv.fr"));
        Assert.Contains("Vérifiez vos courriels", afterRegistration, StringComparison.Ordinal);

        var email = await app.Mailbox.WaitForAsync("camille.durand@finances.gouv.fr");
        Assert.Equal("Confirmez votre adresse électronique", email.Subject);
        Assert.Contains("Bonjour Camille", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Camille", email.HtmlBody, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(email, app.BaseUrl);
        Assert.Contains($"href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", email.HtmlBody, StringComparison.Ordinal);

        var confirmation = await Forms.ReadAsync(client, link);
        Assert.Contains("Adresse confirmée", confirmation, StringComparison.Ordinal);

        var home = await Forms.PostAndReadAsync(client, "/connexion", Credentials("camille.durand@finances.gouv.fr"));
        Assert.Contains("Camille Durand", home, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", home, StringComparison.Ordinal);

        var roles = await app.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Candidate], roles);
        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.NotNull(message.SentAt);
        // The Message-ID is the message's id at the sender's domain (OutboxMessage.MessageIdOf), and the journal has it.
        Assert.Equal($"{message.Id:N}@cohorts.test", email.MessageId);
        Assert.Equal(message.MessageId, email.MessageId);
    }

    [Fact]
    public async Task Signing_in_before_confirming_the_address_is_refused_with_an_explanation()
    {
        var client = app.Client();
        await Forms.PostAsync(client, "/inscription", Registration("pas.confirme@interieur.gouv.fr"));

        var page = await Forms.PostAndReadAsync(client, "/connexion", Credentials("pas.confirme@interieur.gouv.fr"));

        Assert.Contains("n'est pas encore confirmée", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_in_French_and_the_typed_fields_are_kept()
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("court@armees.gouv.fr", "trop court"));

        Assert.Contains("Le mot de passe doit compter au moins 12 caractères.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"court@armees.gouv.fr\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Camille\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_long_password_without_digits_or_capitals_is_accepted()
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("long@justice.gouv.fr", "tout en minuscules sans chiffre"));

        Assert.Contains("Vérifiez vos courriels", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Indiquez votre adresse électronique professionnelle.")]
    [InlineData("pas-une-adresse", "Le format de l'adresse électronique n'est pas valide")]
    public async Task A_missing_or_malformed_address_is_refused_next_to_the_field(string address, string message)
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration(address));

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("fr-input-group--error", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Two_different_passwords_are_refused()
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("deux@culture.gouv.fr", Password, "une autre phrase de passe"));

        Assert.Contains("Les deux mots de passe ne sont pas identiques.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_like_a_new_registration_and_warns_its_owner()
    {
        await app.CreateUserAsync("deja@sante.gouv.fr", Password, Roles.Candidate, firstName: "Alix");

        var known = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("Deja@Sante.gouv.fr", "une autre phrase de passe"));
        var fresh = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("nouveau@sante.gouv.fr", "une autre phrase de passe"));

        Assert.Contains("Vérifiez vos courriels", known, StringComparison.Ordinal);
        Assert.Equal(Answer(fresh, "nouveau@sante.gouv.fr"), Answer(known, "Deja@Sante.gouv.fr"));
        Assert.DoesNotContain("existe déjà", known, StringComparison.Ordinal);

        var warning = await app.Mailbox.WaitForAsync("deja@sante.gouv.fr");
        Assert.Equal("Une inscription a été tentée avec votre adresse", warning.Subject);
        Assert.Contains("Bonjour Alix", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{app.BaseUrl}/connexion", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{app.BaseUrl}/mot-de-passe/oublie", warning.HtmlBody, StringComparison.Ordinal);
        await app.Mailbox.WaitForAsync("nouveau@sante.gouv.fr");
        Assert.Equal(["Confirmez votre adresse électronique", "Une inscription a été tentée avec votre adresse"],
            app.Mailbox.Received.Select(m => m.Subject).Order(StringComparer.Ordinal));

        // The account is untouched: its password is still the one its owner chose.
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync()));
        var signedIn = await Forms.PostAndReadAsync(app.Client(), "/connexion", Credentials("deja@sante.gouv.fr"));
        Assert.Contains("Se déconnecter", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_address_with_a_short_password_gets_the_same_refusal_as_a_new_one()
    {
        await app.CreateUserAsync("deja@sante.gouv.fr", Password, Roles.Candidate);

        var known = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("deja@sante.gouv.fr", "trop court"));
        var fresh = await Forms.PostAndReadAsync(app.Client(), "/inscription", Registration("nouveau@sante.gouv.fr", "trop court"));

        Assert.Contains("Le mot de passe doit compter au moins 12 caractères.", known, StringComparison.Ordinal);
        Assert.Equal(Answer(fresh, "nouveau@sante.gouv.fr"), Answer(known, "deja@sante.gouv.fr"));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    /// <summary>What a page tells its reader, without what differs from request to request: the token and the typed address.</summary>
    private static string Answer(string page, string typedAddress) =>
        TokenValue().Replace(page, "").Replace(typedAddress, "ADRESSE", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenValue();

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_and_confirms_nothing()
    {
        var client = app.Client();
        await Forms.PostAsync(client, "/inscription", Registration("falsifie@travail.gouv.fr"));
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("falsifie@travail.gouv.fr"), app.BaseUrl);

        foreach (var tampered in new[] { link[..^3] + "AAA", link + "%%", link.Replace("code=", "code=x", StringComparison.Ordinal) })
        {
            var response = await client.GetAsync(tampered);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Lien non valide", page, StringComparison.Ordinal);
        }
        Assert.False(await app.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Posting_a_form_without_its_anti_forgery_token_is_refused()
    {
        var response = await app.Client().PostAsync("/inscription", new FormUrlEncodedContent(Registration("csrf@dinum.gouv.fr")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Requête incorrecte", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
