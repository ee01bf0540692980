using Cohorts.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cohorts.Migrations;

/// <summary>
/// <c>Cohorts.Migrations [--demo-data]</c>: applies the migrations and the reference data before the web nodes
/// start; with <c>--demo-data</c> (refused in Production) also seeds the demo data.
/// </summary>
public static class Migrator
{
    public static async Task<int> Main(string[] args)
    {
        var demo = args.Contains("--demo-data");
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddCohortsData(builder.Configuration);
        using var host = builder.Build();

        if (demo && builder.Environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("Refusing to seed demo data in Production (set DOTNET_ENVIRONMENT=Development).");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(host.Services);
        Console.WriteLine("Database migrated.");
        if (demo)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var added = await DemoData.SeedAsync(scope.ServiceProvider);
            Console.WriteLine(added ? "Demo data seeded." : "Demo data already present.");
        }
        return 0;
    }
}
