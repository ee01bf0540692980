using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Management;

/// <summary>The lifecycles as built: the tables themselves, and the diagrams generated from them for the page's script to draw.</summary>
public sealed class WorkflowModel : PageModel
{
    // Accents stay readable in the page source; the HTML encoder still escapes the attribute's quotes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string ApplicationDiagram { get; } = JsonSerializer.Serialize(ApplicationWorkflow.Definition.ToDiagram(), Json);
    public string EnrollmentDiagram { get; } = JsonSerializer.Serialize(EnrollmentWorkflow.Definition.ToDiagram(), Json);

    public void OnGet() { }
}
