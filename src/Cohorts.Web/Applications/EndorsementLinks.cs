using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cohorts.Web.Applications;

/// <summary>
/// The line manager's link: the application, the nonce of the request in force and an expiry, signed and
/// encrypted with ASP.NET Core data protection. The expiry is checked against our clock; the nonce makes
/// the link work once (the application forgets it when the manager answers or a new link is sent).
/// </summary>
public sealed class EndorsementLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private readonly IDataProtector _protector = protection.CreateProtector("Cohorts.Endorsement.v1");

    public enum Outcome { Valid, Invalid, Expired }

    public sealed record Reading(Outcome Outcome, Guid ApplicationId, Guid Nonce);

    public string Token(Guid applicationId, Guid nonce) =>
        _protector.Protect($"{applicationId:N}|{nonce:N}|{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds()}");

    public Reading Read(string? token)
    {
        if (string.IsNullOrEmpty(token)) return new(Outcome.Invalid, Guid.Empty, Guid.Empty);
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return new(Outcome.Invalid, Guid.Empty, Guid.Empty);
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var applicationId) || !Guid.TryParseExact(parts[1], "N", out var nonce)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return new(Outcome.Invalid, Guid.Empty, Guid.Empty);
        var outcome = clock.GetUtcNow().ToUnixTimeSeconds() < expires ? Outcome.Valid : Outcome.Expired;
        return new(outcome, applicationId, nonce);
    }
}
