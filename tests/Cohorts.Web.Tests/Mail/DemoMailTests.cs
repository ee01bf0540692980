using System.Net;
using Cohorts.Migrations;
using Cohorts.Web.Emails;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Mail;

/// <summary>The demo's mail journal: messages for the demo's managers to read, one failed to resend, seeded once.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DemoMailTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_demo_managers_find_their_programs_messages_one_of_them_failed_and_seeding_twice_adds_none()
    {
        await app.WithScopeAsync(DemoData.SeedAsync);
        var count = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        await app.WithScopeAsync(DemoData.SeedAsync);
        Assert.Equal(count, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Pending)));

        var failed = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.State == OutboxState.Failed));
        Assert.Equal("endorsement-request", failed.Kind);
        var responsible = await SignInAsync("responsable@cohorts.test");
        var journal = await Forms.ReadAsync(responsible, "/gestion/courriels");
        Assert.Contains("Candidature reçue — Booster Agile", journal, StringComparison.Ordinal);
        Assert.Contains("Candidature reçue — Conseiller en stratégie numérique", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("candidat@cohorts.test", journal, StringComparison.Ordinal);
        var detail = await Forms.ReadAsync(responsible, $"/gestion/courriels/{failed.Id}");
        Assert.Contains("Recipient address rejected", detail, StringComparison.Ordinal);
        Assert.Contains(">Renvoyer</button>", detail, StringComparison.Ordinal);

        var strategy = await Forms.ReadAsync(await SignInAsync("responsable.strategie@cohorts.test"), "/gestion/courriels");
        Assert.Contains("Conseiller en stratégie numérique", strategy, StringComparison.Ordinal);
        Assert.DoesNotContain("Candidature reçue — Booster Agile", strategy, StringComparison.Ordinal);
        Assert.Contains("candidat@cohorts.test", await Forms.ReadAsync(await SignInAsync("admin@cohorts.test"), "/gestion/courriels"), StringComparison.Ordinal);
    }
}
