using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Management;

/// <summary>The lifecycles as built: the diagrams generated from the tables, and the tables themselves.</summary>
public sealed class WorkflowModel : PageModel
{
    public string ApplicationDiagram { get; } = ApplicationWorkflow.Definition.ToMermaid();
    public string EnrollmentDiagram { get; } = EnrollmentWorkflow.Definition.ToMermaid();

    public void OnGet() { }
}
