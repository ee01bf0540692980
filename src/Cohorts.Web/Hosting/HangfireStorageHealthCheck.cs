using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cohorts.Web.Hosting;

/// <summary>Healthy when Hangfire's storage answers and at least one server is alive (heartbeat).</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers().Count;
            var failed = monitoring.FailedCount();
            var data = new Dictionary<string, object> { ["servers"] = servers, ["failedJobs"] = failed };
            return Task.FromResult(servers > 0
                ? HealthCheckResult.Healthy($"{servers} serveur(s) de tâches actif(s)", data)
                : HealthCheckResult.Degraded("Aucun serveur de tâches actif", data: data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches injoignable", e));
        }
    }
}
