using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Identity;

/// <summary>
/// Identity's sign-in, made to answer an unknown address, a wrong password, an unconfirmed account and a locked
/// account alike, in words and in time: each attempt costs one password hash, and only the right password on an
/// unconfirmed account (which proves who is asking) is told something else.
/// </summary>
public sealed class CohortsSignInManager(UserManager<CohortsUser> users, IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<CohortsUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<CohortsUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<CohortsUser> confirmation)
    : SignInManager<CohortsUser>(users, context, claims, options, logger, schemes, confirmation)
{
    // A constant, not state: any hash of this hasher will do, made once (making one costs as much as checking one).
    private static string? _unknownAccountHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        VerifyAgainstNoAccount(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(CohortsUser user, string password, bool lockoutOnFailure)
    {
        // The password is checked before anything else, locked or not, so that every attempt takes the time of a hash.
        var rightPassword = user.PasswordHash is null ? VerifyAgainstNoAccount(password) : await UserManager.CheckPasswordAsync(user, password);
        // Unknown addresses never lock, so a locked account answers like a wrong password, even to the right one:
        // saying "locked" would tell that the address has an account, and, told only to the right password, would
        // let a guesser carry on through the lockout and learn when they hit it.
        // A deactivated account answers the same, for the same reason.
        if (user.DeactivatedAt is not null || await UserManager.IsLockedOutAsync(user)) return SignInResult.Failed;
        if (!rightPassword)
        {
            // Unconfirmed accounts count their failures too: the lockout protects every account.
            if (lockoutOnFailure) await UserManager.AccessFailedAsync(user);
            return SignInResult.Failed;
        }
        if (!await CanSignInAsync(user)) return SignInResult.NotAllowed;
        await UserManager.ResetAccessFailedCountAsync(user);
        return SignInResult.Success;
    }

    /// <summary>A verification as costly as a real one (same hasher, same settings), against a password no one has.</summary>
    private bool VerifyAgainstNoAccount(string password)
    {
        var hash = _unknownAccountHash ??= UserManager.PasswordHasher.HashPassword(new CohortsUser(), RandomNumberGenerator.GetHexString(32));
        UserManager.PasswordHasher.VerifyHashedPassword(new CohortsUser(), hash, password);
        return false;
    }
}
