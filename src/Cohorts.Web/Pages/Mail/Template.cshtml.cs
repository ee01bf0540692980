using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Mail;

/// <summary>One kind of email rendered with its sample data by the renderer that writes the real ones.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TemplateModel(EmailRenderer renderer) : PageModel
{
    public EmailKind Kind { get; private set; } = null!;
    public RenderedEmail Rendered { get; private set; } = null!;

    public IActionResult OnGet(string template)
    {
        if (EmailKinds.Find(template) is not { } kind) return NotFound();
        Kind = kind;
        Rendered = renderer.Render(kind.Sample());
        SecurityHeaders.AllowInlineStyleAttributes(Response);
        return Page();
    }
}
