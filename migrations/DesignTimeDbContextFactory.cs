using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cohorts.Migrations;

/// <summary>For <c>dotnet ef migrations add</c>: the model needs no live database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CohortsDbContext>
{
    public CohortsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CohortsDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Cohorts") ?? "Host=127.0.0.1;Database=cohorts_design",
            npgsql => npgsql.MigrationsAssembly(CohortsServices.MigrationsAssembly))
        .UseSnakeCaseNamingConvention()
        .Options);
}
