using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cohorts.Web.Hosting;

/// <summary>/health as JSON: the overall status and one line per check, without exception details.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
