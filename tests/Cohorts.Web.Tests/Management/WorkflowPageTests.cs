using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Management;

[Collection(AppFixtureGroup.Name)]
public sealed partial class WorkflowPageTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PageAsync()
    {
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager);
        return await staff.GetStringAsync("/gestion/cycle-de-vie");
    }

    /// <summary>The text of the Condition column (the fifth), row by row, in the table with that id.</summary>
    private static List<string> Conditions(string html, string tableId)
    {
        var table = Regex.Match(html, $"<table id=\"{tableId}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Row().Matches(table).Select(row => WebUtility.HtmlDecode(Cell().Matches(row.Value)[4].Groups[1].Value)).ToList();
    }

    [Fact]
    public async Task The_lifecycle_page_states_each_condition_in_words()
    {
        var html = await PageAsync();

        var application = Conditions(html, "transitions-candidature");
        var enrollment = Conditions(html, "transitions-parcours");

        Assert.Contains("<td>Déclarer non recevable</td>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<td>Certifier</td>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("oui", application.Concat(enrollment));
        Assert.Equal(ApplicationWorkflow.Definition.Transitions.Select(t => t.Guard?.Description ?? "—"), application);
        Assert.Equal(EnrollmentWorkflow.Definition.Transitions.Select(t => t.Guard?.Description ?? "—"), enrollment);
        Assert.Equal("Avant la date limite de dépôt des candidatures", application[0]);
        Assert.Equal("—", application[2]);
        Assert.Equal(["—", "—", "Les conditions de certification du programme sont remplies",
            "Les conditions de certification du programme ne sont pas remplies", "Un motif d'abandon est indiqué"], enrollment);
    }

    [Fact]
    public async Task The_lifecycle_page_carries_each_diagram_with_French_labels_and_no_raw_Mermaid()
    {
        var html = await PageAsync();

        var diagrams = Diagram().Matches(html).Select(m => JsonDocument.Parse(WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

        Assert.Equal(2, diagrams.Count);
        var states = diagrams[0].RootElement.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToList();
        var arrows = diagrams[0].RootElement.GetProperty("arrows").EnumerateArray().Select(a => a.GetProperty("label").GetString()).ToList();
        Assert.Contains("Brouillon", states);
        Assert.Contains("Sur liste complémentaire", states);
        Assert.DoesNotContain("Draft", states);
        Assert.Contains("Admettre depuis la liste complémentaire", arrows);
        Assert.True(diagrams[0].RootElement.GetProperty("states")[0].GetProperty("initial").GetBoolean());
        Assert.Contains("Parcours terminé", diagrams[1].RootElement.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.DoesNotContain("stateDiagram", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/lifecycle-diagram.js?v=", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("data-lifecycle=\"([^\"]*)\"")]
    private static partial Regex Diagram();
}
