using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Tests.Support;

/// <summary>How many password hashes the app has verified since the last <see cref="Reset"/>: the cost of a sign-in attempt.</summary>
public sealed class PasswordHashes
{
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public void Reset() => Interlocked.Exchange(ref _verified, 0);

    internal void Count() => Interlocked.Increment(ref _verified);
}

/// <summary>Identity's own hasher, counting its verifications.</summary>
internal sealed class CountingPasswordHasher(PasswordHashes hashes, IOptions<PasswordHasherOptions> options) : IPasswordHasher<CohortsUser>
{
    private readonly PasswordHasher<CohortsUser> _hasher = new(options);

    public string HashPassword(CohortsUser user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(CohortsUser user, string hashedPassword, string providedPassword)
    {
        hashes.Count();
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
