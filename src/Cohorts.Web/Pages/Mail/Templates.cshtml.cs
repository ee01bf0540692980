using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Mail;

/// <summary>Every kind of email the app writes, with the subject its sample data gives.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TemplatesModel : PageModel
{
    public IReadOnlyList<(EmailKind Kind, string Subject)> Kinds { get; } = EmailKinds.All.Select(k => (k, k.Sample().Subject)).ToList();
}
