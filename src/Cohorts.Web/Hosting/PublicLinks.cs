using Cohorts.Web.Emails;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Hosting;

/// <summary>Absolute links for emails: the request's host cannot be trusted, the configured base URL can.</summary>
public sealed class PublicLinks(LinkGenerator links, IOptions<MailOptions> options)
{
    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values)
                   ?? throw new InvalidOperationException($"No route to page {page}.");
        return Path(path);
    }

    /// <summary>An absolute link to a path of the app ("/parcours/seances/…/avis"), for pages known by their address.</summary>
    public string Path(string path) => options.Value.BaseUrl.TrimEnd('/') + path;
}
