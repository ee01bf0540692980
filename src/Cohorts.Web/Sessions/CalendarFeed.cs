using System.Security.Cryptography;

namespace Cohorts.Web.Sessions;

/// <summary>
/// A person's private calendar feed: the SHA-256 of its secret token (256 random bits, shown once, in the URL), never the
/// token itself. One per account; revoking deletes it, regenerating replaces it, and the old URL then answers 404.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public string UserId { get; private set; } = "";
    public byte[] TokenHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new feed and its token, to show once.</summary>
    public static (CalendarFeed Feed, string Token) Create(string userId, DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new CalendarFeed { UserId = userId, TokenHash = Hash(token), CreatedAt = now }, token);
    }

    /// <summary>A new token for the same feed: the previous URL stops working.</summary>
    public string Regenerate(DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        TokenHash = Hash(token);
        CreatedAt = now;
        return token;
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    /// <summary>Whether the text could be a token at all (43 URL-safe characters), before the database is asked.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
