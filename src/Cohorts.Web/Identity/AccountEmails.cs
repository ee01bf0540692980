using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Cohorts.Web.Identity;

/// <summary>
/// The emails that carry an account token. They go to the outbox: the caller's SaveChanges commits them
/// together with the change that caused them.
/// </summary>
public sealed class AccountEmails(UserManager<CohortsUser> users, Outbox outbox, PublicLinks links)
{
    public async Task SendConfirmationAsync(CohortsUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Page("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(token) });
        outbox.Add(user.Email!, new ConfirmEmailAddress(user.FirstName, link), MessageConcerns.Nothing);
    }

    public async Task SendPasswordResetAsync(CohortsUser user)
    {
        outbox.Add(user.Email!, new ResetPassword(user.FirstName, await ResetLinkAsync(user)), MessageConcerns.Nothing);
    }

    public async Task SendStaffWelcomeAsync(CohortsUser user, IEnumerable<string> roles)
    {
        var roleLabels = string.Join(", ", roles.Select(Roles.ToFrench));
        outbox.Add(user.Email!, new StaffAccountCreated(user.FirstName, roleLabels, await ResetLinkAsync(user)), MessageConcerns.Nothing);
    }

    /// <summary>No token: the email only points its owner to the pages anyone may open.</summary>
    public void SendAccountAlreadyExists(CohortsUser owner) =>
        outbox.Add(owner.Email!, new AccountAlreadyExists(owner.FirstName, links.Page("/Account/Login"), links.Page("/Account/ForgotPassword")), MessageConcerns.Nothing);

    public static string Decode(string code) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));

    private async Task<string> ResetLinkAsync(CohortsUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return links.Page("/Account/ResetPassword", new { userId = user.Id, code = Encode(token) });
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
