using System.Net;
using System.Text.Json;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Hosting;

[Collection(AppFixtureGroup.Name)]
public sealed class HealthAndErrorTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_reports_the_database_and_the_job_storage_healthy()
    {
        var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_page_answers_404_in_French()
    {
        var response = await app.Client().GetAsync("/cette-page-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Page non trouvée", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_answers_500_in_French_without_a_stack_trace()
    {
        app.Clock.Failure = new InvalidOperationException("Secret detail of a broken clock");

        var response = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Erreur inattendue", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret detail", page, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Cohorts.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await app.Client().GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
