namespace Cohorts.Web.Hosting;

public static class SecurityHeaders
{
    // The DSFR loads its scripts, styles, fonts and icons from our own origin; images may be inline SVG (data:).
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For a page showing an email's HTML in a sandboxed <c>srcdoc</c> iframe: such a frame inherits the page's policy,
    /// and an email's styles are inline attributes (mail clients ignore style sheets). Scripts stay refused, there too.
    /// </summary>
    public static void AllowInlineStyleAttributes(HttpResponse response) =>
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy + "; style-src-attr 'unsafe-inline'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Hangfire's dashboard writes inline scripts and styles of its own.
        if (!context.Request.Path.StartsWithSegments("/admin/jobs"))
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await next();
    });
}
