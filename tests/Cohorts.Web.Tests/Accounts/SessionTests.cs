using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Accounts;

/// <summary>
/// A session is a cookie; these tests copy it, as a thief would, and check that what should end every session of
/// an account ends the copies too. The clock moves a second before each later request: requests do not all
/// happen in the instant the cookie was issued.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionTests(CohortsApp app) : IAsyncLifetime
{
    private const string Password = "une phrase de passe solide";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Credentials(string email, string password = Password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    /// <summary>Signs in with a client that keeps its cookies, and returns it with the auth cookie it received.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email)
    {
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion", Credentials(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cohorts.auth=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>Another browser that sends the copied cookie and nothing else.</summary>
    private HttpClient CopyOf(string cookie)
    {
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(app.BaseUrl) });
        copy.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
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

    [Theory]
    [InlineData(Roles.ProgramManager, "/gestion")]
    [InlineData(Roles.Candidate, "/candidatures")]
    public async Task A_cookie_copied_before_signing_out_is_refused_after_it(string role, string path)
    {
        await app.CreateUserAsync("agent@culture.gouv.fr", Password, role);
        var (client, cookie) = await SignInAsync("agent@culture.gouv.fr");
        var copy = CopyOf(cookie);
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(copy, path)).StatusCode);

        var signedOut = await Forms.PostAsync(client, "/deconnexion", new Dictionary<string, string>(), tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSentToSignIn(await GetLaterAsync(copy, path));
    }

    [Fact]
    public async Task A_session_opened_before_a_password_reset_ends_with_it()
    {
        await app.CreateUserAsync("agent@armees.gouv.fr", Password, Roles.Candidate);
        var (before, _) = await SignInAsync("agent@armees.gouv.fr");
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(before, "/candidatures")).StatusCode);

        var other = app.Client();
        await Forms.PostAsync(other, "/mot-de-passe/oublie", new Dictionary<string, string> { ["Email"] = "agent@armees.gouv.fr" });
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("agent@armees.gouv.fr", "Réinitialisez"), app.BaseUrl);
        var done = await Forms.PostAndReadAsync(other, link, new Dictionary<string, string>
            { ["Input.Password"] = "ma nouvelle phrase secrète", ["Input.ConfirmPassword"] = "ma nouvelle phrase secrète" });
        Assert.Contains("Votre mot de passe est enregistré.", done, StringComparison.Ordinal);

        AssertSentToSignIn(await GetLaterAsync(before, "/candidatures"));
    }

    [Fact]
    public async Task Ending_every_session_of_an_account_signs_out_each_of_its_browsers_and_no_one_else()
    {
        var manager = await app.CreateUserAsync("responsable@interieur.gouv.fr", Password, Roles.ProgramManager);
        await app.CreateUserAsync("collegue@interieur.gouv.fr", Password, Roles.ProgramManager);
        var (office, _) = await SignInAsync("responsable@interieur.gouv.fr");
        var (home, _) = await SignInAsync("responsable@interieur.gouv.fr");
        var (colleague, _) = await SignInAsync("collegue@interieur.gouv.fr");

        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CohortsUser>>();
            var result = await users.EndEverySessionAsync((await users.FindByIdAsync(manager.Id))!);
            Assert.True(result.Succeeded);
        });

        AssertSentToSignIn(await GetLaterAsync(office, "/gestion"));
        AssertSentToSignIn(await GetLaterAsync(home, "/gestion"));
        Assert.Equal(HttpStatusCode.OK, (await GetLaterAsync(colleague, "/gestion")).StatusCode);
    }
}
