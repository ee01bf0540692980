using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Identity;

/// <summary>
/// A session is a cookie, valid until it expires unless the server says otherwise. What the server says it with is the
/// account's security stamp: it is in the cookie and in PostgreSQL, so every node agrees, and a cookie whose stamp is no
/// longer the account's is refused (see <see cref="SessionValidator"/>).
/// </summary>
public static class Sessions
{
    /// <summary>How often a session's roles and claims are read again: Identity's default validation interval.</summary>
    public static readonly TimeSpan PrincipalRefreshInterval = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Ends every session of the account at once, in every browser, copies of its cookie included: for signing out,
    /// and for deactivating an account. A password reset needs no call: Identity rotates the stamp itself.
    /// </summary>
    public static Task<IdentityResult> EndEverySessionAsync(this UserManager<CohortsUser> users, CohortsUser user) =>
        users.UpdateSecurityStampAsync(user);
}

/// <summary>
/// Identity's validator, run on every request (<see cref="SecurityStampValidatorOptions.ValidationInterval"/> is zero),
/// so a session ends the moment its stamp changes. The check itself is one query by primary key. What Identity does
/// next, rebuilding the principal (four more queries for claims and roles) and writing a new cookie into every response,
/// is kept at its default pace.
/// </summary>
public sealed class SessionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<CohortsUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<CohortsUser>(options, signIn, logger)
{
    protected override Task SecurityStampVerified(CohortsUser user, CookieValidatePrincipalContext context) =>
        TimeProvider.GetUtcNow() - context.Properties.IssuedUtc < Sessions.PrincipalRefreshInterval
            ? Task.CompletedTask
            : base.SecurityStampVerified(user, context);
}
