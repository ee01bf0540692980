using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Hosting;

[Collection(AppFixtureGroup.Name)]
public sealed class AuthorizationTests(CohortsApp app) : IAsyncLifetime
{
    private const string Password = "une phrase de passe solide";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}@cohorts.test";
        await app.CreateUserAsync(email, Password, role);
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/comptes")]
    [InlineData("/admin/comptes/nouveau")]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(string path)
    {
        var response = await app.Client(followRedirects: false).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Candidate, "/admin/jobs")]
    [InlineData(Roles.Candidate, "/admin/comptes")]
    [InlineData(Roles.ProgramManager, "/admin/jobs")]
    [InlineData(Roles.Reviewer, "/admin/comptes/nouveau")]
    [InlineData(Roles.Coach, "/admin/jobs")]
    public async Task Another_role_than_Admin_is_refused(string role, string path)
    {
        var client = await SignedInAsync(role);

        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Accès refusé", WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Admin_reaches_the_jobs_dashboard_and_the_accounts()
    {
        var client = await SignedInAsync(Roles.Admin);

        var jobs = await client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("Tâches de fond — Cohorts", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recurring = await client.GetStringAsync("/admin/jobs/recurring");
        Assert.Contains("deliver-emails", recurring, StringComparison.Ordinal);

        var accounts = await client.GetAsync("/admin/comptes");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Fact]
    public async Task The_menu_shows_the_admin_pages_to_an_Admin_only()
    {
        var admin = await Forms.ReadAsync(await SignedInAsync(Roles.Admin), "/");
        var candidate = await Forms.ReadAsync(await SignedInAsync(Roles.Candidate), "/");

        Assert.Contains("href=\"/admin/comptes\"", admin, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/jobs\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/comptes\"", candidate, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/jobs\"", candidate, StringComparison.Ordinal);
    }
}
