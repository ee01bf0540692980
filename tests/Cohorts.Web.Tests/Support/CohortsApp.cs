using System.Net;
using System.Net.Sockets;
using Cohorts.Migrations;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Respawn;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// The whole application on a real PostgreSQL database of its own (migrated as in production), with a real
/// SMTP server (netDumbster), Hangfire's real storage and server, and a clock the tests move.
/// </summary>
public class CohortsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _kestrel;
    private Respawner? _respawner;

    public CohortsApp() : this("cohorts_test_web", kestrel: false) { }

    protected CohortsApp(string database, bool kestrel)
    {
        _kestrel = kestrel;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database + DatabaseSuffix }.ConnectionString;
        BaseUrl = kestrel ? $"http://127.0.0.1:{FreePort()}" : "http://localhost";
    }

    public static string ServerConnectionString => Environment.GetEnvironmentVariable("COHORTS_TEST_PG")
        ?? throw new InvalidOperationException(
            "COHORTS_TEST_PG is not set: run the tests with './cohorts test', or start PostgreSQL with './cohorts start' and export what it prints.");

    /// <summary>
    /// Appended to every test database's name when <c>COHORTS_TEST_DB_SUFFIX</c> is set, so that several checkouts can run
    /// their tests on one cluster at once.
    /// </summary>
    public static string DatabaseSuffix => Environment.GetEnvironmentVariable("COHORTS_TEST_DB_SUFFIX") is { Length: > 0 } suffix ? $"_{suffix}" : "";

    public string ConnectionString { get; }
    public string BaseUrl { get; }
    public Mailbox Mailbox { get; } = new();
    public TestClock Clock { get; } = new();
    public PasswordHashes PasswordHashes { get; } = new();

    public async Task InitializeAsync()
    {
        await RecreateDatabaseAsync(ConnectionString);
        await using (var setup = DataServices(ConnectionString))
            await DatabaseSetup.MigrateAsync(setup);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Reference data and keys survive between tests, as they would between deployments.
            TablesToIgnore = ["__EFMigrationsHistory", "roles", "data_protection_keys"],
        });
        if (_kestrel)
        {
            UseKestrel(new Uri(BaseUrl).Port);
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    /// <summary>An empty database, the clock back at its start, an empty mailbox.</summary>
    public async Task ResetAsync()
    {
        // A delivery still running (asked for by the previous test's commits) would send what it holds after the reset.
        await DeliveryRuns.WaitUntilNoDeliveryRunsAsync(ConnectionString);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // A delivery the previous test asked for may still hold outbox rows: PostgreSQL then picks the reset as the
        // deadlock's victim, and the reset is simply done again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
        Clock.Reset();
        Mailbox.Clear();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Mailbox.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Cohorts", ConnectionString);
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:BaseUrl", BaseUrl);
        builder.UseSetting("Mail:From", "ne-pas-repondre@cohorts.test");
        // Tests run the delivery job themselves when they need a retry: no sweep racing them.
        builder.UseSetting("Jobs:DeliverEmails", Hangfire.Cron.Never());
        builder.UseSetting("Mail:DeliverOnStart", "false");
        // Offers expire when a test runs the job, at the time of the test's clock.
        builder.UseSetting("Jobs:ExpireOffers", Hangfire.Cron.Never());
        // Reminders are sent when a test runs their job, at the time of the test's clock.
        foreach (var kind in Cohorts.Web.Reminders.ReminderKinds.All) builder.UseSetting($"Jobs:Remind{kind}", Hangfire.Cron.Never());
        // Bodies are purged when a test runs the job, at the time of the test's clock.
        builder.UseSetting("Jobs:PurgeMailBodies", Hangfire.Cron.Never());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
            services.AddScoped<IPasswordHasher<CohortsUser>>(sp =>
                new CountingPasswordHasher(PasswordHashes, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>()));
        });
    }

    /// <summary>A browser-like client (cookies, redirects followed) with an address of its own for the rate limiter.</summary>
    public HttpClient Client(bool followRedirects = true)
    {
        // On a real Kestrel port, a plain HttpClient: the factory's client options do not reach it there.
        var client = _kestrel
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = new Uri(BaseUrl) });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        return client;
    }

    public async Task<CohortsUser> CreateUserAsync(string email, string password, string role, bool confirmed = true,
        string firstName = "Dominique", string lastName = "Agent")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortsUser>>();
        var user = CohortsUser.Create(email, firstName, lastName, Clock.GetUtcNow());
        user.EmailConfirmed = confirmed;
        AssertSucceeded(await users.CreateAsync(user, password));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>Makes the account one of the program's managers.</summary>
    public Task AssignAsync(int programId, string userId) => WithDbAsync(db =>
    {
        db.ProgramManagers.Add(new Cohorts.Web.Catalogue.ProgramManager(programId, userId));
        return db.SaveChangesAsync();
    });

    public async Task<T> WithDbAsync<T>(Func<CohortsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CohortsDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>The services a process needs to reach a database (what the migrator uses).</summary>
    public static ServiceProvider DataServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cohorts"] = connectionString })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCohortsData(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task RecreateDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AppFixtureGroup : ICollectionFixture<CohortsApp>
{
    public const string Name = "app";
}
