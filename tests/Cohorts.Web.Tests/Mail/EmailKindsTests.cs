using System.Net;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Mail;

/// <summary>
/// Every email of the app declares its French label and sample data (<see cref="IEmailKind{TSelf}"/>), each sample renders
/// through the real templates, and the staff's previews show them all.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class EmailKindsTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Templates => new(EmailKinds.All.Select(k => k.Template));

    [Fact]
    public void Every_concrete_email_declares_its_French_label_and_its_sample()
    {
        var undeclared = EmailKinds.EmailTypes.Where(t => !t.GetInterfaces().Contains(typeof(IEmailKind<>).MakeGenericType(t))).Select(t => t.Name);

        Assert.Empty(undeclared);
        Assert.Equal(EmailKinds.EmailTypes.Count, EmailKinds.All.Count);
        // The records of today, at least: a registry that found nothing would pass the line above.
        Assert.Subset(EmailKinds.All.Select(k => k.Type).ToHashSet(),
            new HashSet<Type> { typeof(ConfirmEmailAddress), typeof(ResetPassword), typeof(OfferMessage), typeof(InterviewInvitationMessage) });
    }

    [Fact]
    public void Each_kind_has_a_template_and_a_label_of_its_own()
    {
        Assert.All(EmailKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Label), k.Type.Name));
        Assert.Equal(EmailKinds.All.Count, EmailKinds.All.Select(k => k.Template).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(EmailKinds.All.Count, EmailKinds.All.Select(k => k.Label).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Proposition de place", EmailKinds.LabelOf("offer"));
        Assert.Equal("ancien-modele", EmailKinds.LabelOf("ancien-modele"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_sample_renders_in_HTML_and_in_text_with_a_link_into_the_app(string template)
    {
        var kind = EmailKinds.Find(template)!;
        var sample = kind.Sample();

        var rendered = app.Services.GetRequiredService<EmailRenderer>().Render(sample);

        Assert.Equal(template, rendered.Template);
        Assert.False(string.IsNullOrWhiteSpace(rendered.Subject));
        Assert.Contains($"<title>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(rendered.Subject)}</title>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Bonjour", rendered.Text, StringComparison.Ordinal);
        Assert.Contains(EmailKinds.SampleSite, rendered.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{EmailKinds.SampleSite}", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered.Html + rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", rendered.Html + rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previews_list_every_kind_and_show_each_rendered_with_its_sample()
    {
        var scenario = new ApplicationScenario(app);
        var manager = await scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster", manages: 0);
        var renderer = app.Services.GetRequiredService<EmailRenderer>();

        var list = await Forms.ReadAsync(manager, "/gestion/courriels/modeles");
        Assert.Contains($"{EmailKinds.All.Count} modèle(s)", list, StringComparison.Ordinal);
        foreach (var kind in EmailKinds.All)
        {
            var rendered = renderer.Render(kind.Sample());
            Assert.Contains($"<td><a href=\"/gestion/courriels/modeles/{kind.Template}\">{kind.Label}</a></td>", list, StringComparison.Ordinal);
            Assert.Contains($"<td>{rendered.Subject}</td>", list, StringComparison.Ordinal);

            var response = await manager.GetAsync($"/gestion/courriels/modeles/{kind.Template}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var raw = await response.Content.ReadAsStringAsync();
            var page = WebUtility.HtmlDecode(raw);
            Assert.Contains($"<dd id=\"objet\">{rendered.Subject}</dd>", page, StringComparison.Ordinal);
            Assert.Contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", page, StringComparison.Ordinal);
            Assert.Contains(rendered.Html.Replace("<head>", "<head><base target=\"_blank\">", StringComparison.Ordinal), page, StringComparison.Ordinal);
            Assert.Contains($"<pre class=\"cohorts-mail-text\" id=\"corps-texte\">{rendered.Text}</pre>", page, StringComparison.Ordinal);
            Assert.Contains("style-src-attr 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/gestion/courriels/modeles/inconnu")).StatusCode);
    }
}
