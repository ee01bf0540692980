using Microsoft.AspNetCore.Identity;

namespace Cohorts.Web.Identity;

/// <summary>
/// Current guidance (ANSSI, NIST SP 800-63B): length over composition. No rule on digits or capitals;
/// only what makes a long password guessable is refused: one built on the account's own address, or on fewer than
/// four different characters (see <see cref="Apply"/>).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<CohortsUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequiredUniqueChars = 4;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<CohortsUser> manager, CohortsUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaximumLength)
            return Failed("PasswordTooLong", $"Le mot de passe ne doit pas dépasser {MaximumLength} caractères.");
        var email = user.Email ?? "";
        if (email.Length > 0 && (password.Contains(email, StringComparison.OrdinalIgnoreCase)
                                 || password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 6))
            return Failed("PasswordContainsEmail", "Le mot de passe ne doit pas contenir votre adresse électronique.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
