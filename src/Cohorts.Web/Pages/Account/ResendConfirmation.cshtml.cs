using System.ComponentModel.DataAnnotations;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cohorts.Web.Pages.Account;

/// <summary>A new confirmation link. The answer is the same whether the address has an account or not.</summary>
[EnableRateLimiting(CohortsServices.LoginRateLimit)]
public sealed class ResendConfirmationModel(UserManager<CohortsUser> users, CohortsDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Le format de l'adresse électronique n'est pas valide.")]
    public string Email { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: false, DeactivatedAt: null })
        {
            await emails.SendConfirmationAsync(user);
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage("/Account/CheckInbox", new { email = Email.Trim() });
    }
}
