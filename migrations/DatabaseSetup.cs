using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Migrations;

/// <summary>Brings a database to the current schema and reference data. Run before the web nodes start, and by the tests.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        // On a new database Migrate() gets there, but logs two false alarms on the way: a failed connection to
        // the missing database, then a failed query of the missing history table (EF Core issue 37328). Both
        // are created first, the quiet way: Exists() expects the missing database and logs it at Debug level,
        // and the history table is created with CREATE TABLE IF NOT EXISTS. Any other failure (server down,
        // authentication refused) still throws here, with its error.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
            await creator.CreateAsync(cancellationToken);
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedReferenceDataAsync(scope.ServiceProvider);
    }

    /// <summary>What every deployment needs, in production too: the roles.</summary>
    public static async Task SeedReferenceDataAsync(IServiceProvider scopedServices)
    {
        var roles = scopedServices.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            var result = await roles.CreateAsync(new IdentityRole(role));
            if (!result.Succeeded)
                throw new InvalidOperationException($"Role {role} not created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
