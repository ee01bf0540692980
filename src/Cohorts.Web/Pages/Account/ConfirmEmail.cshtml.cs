using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Account;

/// <summary>The link of the confirmation email. A tampered, expired or unknown link is refused in words.</summary>
public sealed class ConfirmEmailModel(UserManager<CohortsUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(code)) return;
        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return;
        }
        string token;
        try
        {
            token = AccountEmails.Decode(code);
        }
        catch (FormatException)
        {
            return;
        }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
