using Cohorts.Migrations;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cohorts.Web.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_on_an_empty_database_with_the_reference_data()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(CohortsApp.ServerConnectionString)
            { Database = $"cohorts_test_empty_{Guid.NewGuid():N}" }.ConnectionString;
        await CohortsApp.RecreateDatabaseAsync(connectionString);
        try
        {
            await using var services = CohortsApp.DataServices(connectionString);
            await DatabaseSetup.MigrateAsync(services);

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
            var all = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Programs.CountAsync());
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All) Assert.True(await roles.RoleExistsAsync(role), role);

            // Running it again, as every deployment does, changes nothing.
            await DatabaseSetup.MigrateAsync(services);
            Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        }
        finally
        {
            await CohortsApp.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void The_model_has_no_change_that_no_migration_covers()
    {
        using var services = CohortsApp.DataServices(CohortsApp.ServerConnectionString + ";Database=unused");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run ./cohorts migration NAME.");
    }
}
