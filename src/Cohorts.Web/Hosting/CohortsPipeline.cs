using System.Globalization;
using Cohorts.Web.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace Cohorts.Web.Hosting;

public static class CohortsPipeline
{
    public static WebApplication MapCohorts(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        var french = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // What a signed-in person sees is theirs: no copy in a shared cache or the browser's history cache.
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true) context.Response.Headers.CacheControl = "no-store";
            return next();
        });
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapBenchEndpointIfAsked();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        // Endpoint authorization guards the dashboard (anonymous: login page; other roles: 403), so
        // Hangfire's own filter, which by default only lets local requests in, is emptied.
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [],
            DashboardTitle = "Tâches de fond — Cohorts",
            AppPath = "/",
        }).RequireAuthorization(Policies.Admin);

        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
        return app;
    }
}
