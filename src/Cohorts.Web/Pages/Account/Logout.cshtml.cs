using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<CohortsUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Index");
    }
}
