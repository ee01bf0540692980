using System.Net;
using System.Text.RegularExpressions;

namespace Cohorts.Web.Tests.Support;

/// <summary>Submits a page's form as a browser would: the anti-forgery token taken from the page itself.</summary>
public static partial class Forms
{
    /// <param name="tokenFrom">The page to take the token from, when <paramref name="url"/> cannot be read (default: the url itself).</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? url);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"No anti-forgery token on {tokenFrom ?? url}");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>A multipart form (file upload), the token taken from <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string tokenFrom, (string Field, string FileName, byte[] Content)? file = null)
    {
        var page = await client.GetStringAsync(tokenFrom);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"No anti-forgery token on {tokenFrom}");
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(content, f.Field, f.FileName);
        }
        return await client.PostAsync(url, form);
    }

    /// <summary>Posts, follows a redirect if there is one (Post/Redirect/Get), and returns the page decoded.</summary>
    public static async Task<string> PostAndReadAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        var response = await PostAsync(client, url, fields);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
            response = await client.GetAsync(location);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> ReadAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
