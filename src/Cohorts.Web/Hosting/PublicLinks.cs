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
        return options.Value.BaseUrl.TrimEnd('/') + path;
    }
}
