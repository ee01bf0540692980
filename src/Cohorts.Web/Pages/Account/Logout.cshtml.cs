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
        // Deleting this browser's cookie is not enough: a copy of it would still open the account.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.EndEverySessionAsync(user);
        await signIn.SignOutAsync();
        TempData["Message"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Index");
    }
}
