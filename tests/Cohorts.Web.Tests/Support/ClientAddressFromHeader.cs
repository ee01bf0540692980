using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// Test clients all come from one address; the rate limiter counts per address. Each client says which
/// address it stands for, so that one test's sign-ins do not eat another's allowance.
/// </summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    private static int _next;

    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            // A request may name an address of its own after its client's: the last one counts.
            if (context.Request.Headers.TryGetValue(Header, out var value)
                && IPAddress.TryParse(value.ToString().Split(',')[^1].Trim(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
