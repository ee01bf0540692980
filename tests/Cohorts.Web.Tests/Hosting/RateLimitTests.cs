using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Hosting;

[Collection(AppFixtureGroup.Name)]
public sealed class RateLimitTests(CohortsApp app) : IAsyncLifetime
{
    private const string Target = "cible@finances.gouv.fr";
    private const int PermitLimit = 10;

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every rate-limited page, with a form it accepts. Written by hand; the first test checks it against the app.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> LimitedPages = new()
    {
        ["/connexion"] = new() { ["Input.Email"] = Target, ["Input.Password"] = "pas le bon mot de passe" },
        ["/inscription"] = new()
        {
            ["Input.FirstName"] = "Camille", ["Input.LastName"] = "Durand", ["Input.Email"] = Target,
            ["Input.Password"] = "une phrase de passe solide", ["Input.ConfirmPassword"] = "une phrase de passe solide",
        },
        ["/mot-de-passe/oublie"] = new() { ["Email"] = Target },
        ["/confirmation/renvoyer"] = new() { ["Email"] = Target },
    };

    public static TheoryData<string> Pages() => new(LimitedPages.Keys);

    /// <summary>The spellings routing sends to the same page: each must draw on the page's one allowance.</summary>
    private static string[] Variants(string path) =>
    [
        path,
        path.ToUpperInvariant(),
        string.Join('/', path.Split('/').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..])),
        path + "/",
        path.ToUpperInvariant() + "/",
    ];

    [Fact]
    public void The_list_names_every_endpoint_that_carries_a_rate_limit()
    {
        var limited = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(LimitedPages.Keys.Order(StringComparer.Ordinal), limited);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_refuses_posts_past_its_limit_under_every_spelling_of_its_address(string path)
    {
        await app.CreateUserAsync(Target, "une phrase de passe solide", Roles.Candidate, confirmed: path != "/confirmation/renvoyer");
        var client = app.Client();
        var variants = Variants(path);

        for (var i = 0; i < PermitLimit; i++)
        {
            var response = await Forms.PostAsync(client, variants[i % variants.Length], LimitedPages[path]);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        foreach (var variant in variants)
        {
            var response = await Forms.PostAsync(client, variant, LimitedPages[path]);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"POST {variant}: {response.StatusCode} after the limit");
        }

        var emails = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Target));
        Assert.InRange(emails, 0, PermitLimit);
    }

    [Fact]
    public async Task A_page_past_its_limit_leaves_the_other_pages_open_to_the_same_client()
    {
        var client = app.Client();
        for (var i = 0; i < PermitLimit; i++)
            await Forms.PostAsync(client, "/connexion", LimitedPages["/connexion"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.PostAsync(client, "/connexion", LimitedPages["/connexion"])).StatusCode);

        foreach (var path in LimitedPages.Keys.Where(p => p != "/connexion"))
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forms.PostAsync(client, path, LimitedPages[path])).StatusCode);
    }
}
