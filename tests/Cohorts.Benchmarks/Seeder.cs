using Bogus;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Organisations;
using Cohorts.Migrations;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Cohorts.Benchmarks;

/// <summary>
/// A campus at scale in a database of its own: 8 ministries, 200 administrations, 2 programs, 20 cohorts,
/// 100,000 applications (one candidate each, French names from Bogus) with their history, and one Admin to sign
/// in with. Rows go in through COPY: through EF Core the seeding alone would take longer than the benchmark.
/// </summary>
public static class Seeder
{
    public const string StaffEmail = "bench@cohorts.test";
    public const string StaffPassword = "une phrase de passe pour mesurer";

    public static async Task<int> RunAsync(string connectionString, int applications)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cohorts"] = connectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCohortsData(configuration);
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        if (await db.Cohorts.AnyAsync())
        {
            // A migration may have added an index since: fresh statistics and visibility map for it.
            var selection = await SelectionSeeder.SeedAsync(db, DateTimeOffset.UtcNow);
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            Console.WriteLine($"Benchmark data already present; the committee's cohort is {selection}.");
            return 0;
        }

        Randomizer.Seed = new Random(7);
        var faker = new Faker("fr");
        var now = DateTimeOffset.UtcNow;
        var ministries = Enumerable.Range(1, 8).Select(n => new Ministry($"Ministère {n} — {faker.Commerce.Department()}", $"M{n}")).ToList();
        db.Ministries.AddRange(ministries);
        var administrations = Enumerable.Range(1, 200)
            .Select(n => new Administration($"{faker.Company.CompanyName()} ({n})", ministries[n % ministries.Count])).ToList();
        db.Administrations.AddRange(administrations);
        var programs = new[]
        {
            TrainingProgram.Create("booster-agile", "Booster Agile", "Deux mois intensifs.", "8 journées en présentiel", true, true),
            TrainingProgram.Create("strategie-numerique", "Conseiller en stratégie numérique", "Six mois.", "Présentiel, distanciel et coaching", false, false),
        };
        db.Programs.AddRange(programs);
        var today = ParisTime.Today(now);
        var cohorts = Enumerable.Range(1, 20).Select(n => Cohort.Create(programs[n % 2], $"Promotion {n}", 100,
            today.AddMonths(n), today.AddMonths(n + 2), now.AddDays(-30), now.AddDays(30))).ToList();
        db.Cohorts.AddRange(cohorts);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortsUser>>();
        var staff = CohortsUser.Create(StaffEmail, "Bench", "Mesure", now);
        staff.EmailConfirmed = true;
        await users.CreateAsync(staff, StaffPassword);
        await users.AddToRoleAsync(staff, Roles.Admin);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var states = Enum.GetValues<ApplicationState>();
        var rows = Enumerable.Range(0, applications).Select(n =>
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            // One in seven is still a draft: staff never see those, the candidate does.
            var state = n % 7 == 0 ? ApplicationState.Draft : states[1 + faker.Random.Int(0, states.Length - 2)];
            var created = now.AddDays(-faker.Random.Double(1, 60));
            return new Row(Guid.CreateVersion7(created), cohorts[n % cohorts.Count].Id, Guid.NewGuid().ToString(), first, last,
                $"{first}.{last}.{n}@agents.gouv.fr".ToLowerInvariant().Replace(' ', '-'), administrations[faker.Random.Int(0, administrations.Count - 1)].Id,
                faker.PickRandom<ServiceCategory>(), state, created, state == ApplicationState.Draft ? null : created.AddHours(faker.Random.Double(1, 48)),
                faker.Name.JobTitle());
        }).ToList();

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, concurrency_stamp, " +
            "phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, first_name, last_name, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.CandidateId);
                await copy.WriteAsync(r.Email);
                await copy.WriteAsync(r.Email.ToUpperInvariant());
                await copy.WriteAsync(r.Email);
                await copy.WriteAsync(r.Email.ToUpperInvariant());
                await copy.WriteAsync(true);
                await copy.WriteAsync(Guid.NewGuid().ToString("N"));
                await copy.WriteAsync(Guid.NewGuid().ToString());
                await copy.WriteAsync(false);
                await copy.WriteAsync(false);
                await copy.WriteAsync(true);
                await copy.WriteAsync(0);
                await copy.WriteAsync(r.FirstName);
                await copy.WriteAsync(r.LastName);
                await copy.WriteAsync(r.Created, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY applications (id, cohort_id, candidate_id, state, first_name, last_name, professional_email, administration_id, " +
            "unlisted_administration, category, grade, position, motivation, availability_commitment, manager_name, manager_email, " +
            "created_at, updated_at, submitted_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id);
                await copy.WriteAsync(r.CohortId);
                await copy.WriteAsync(r.CandidateId);
                await copy.WriteAsync(r.State.ToString());
                await copy.WriteAsync(r.FirstName);
                await copy.WriteAsync(r.LastName);
                await copy.WriteAsync(r.Email);
                await copy.WriteAsync(r.AdministrationId);
                await copy.WriteAsync("");
                await copy.WriteAsync(r.Category.ToString());
                await copy.WriteAsync("Attaché principal");
                await copy.WriteAsync(r.Position);
                await copy.WriteAsync("Je veux apprendre le mode produit et le partager dans mon équipe.");
                await copy.WriteAsync(true);
                await copy.WriteAsync("Jean Chef");
                await copy.WriteAsync("jean.chef@agents.gouv.fr");
                await copy.WriteAsync(r.Created, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.SubmittedAt ?? r.Created, NpgsqlDbType.TimestampTz);
                if (r.SubmittedAt is { } at) await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                else await copy.WriteNullAsync();
            }
            await copy.CompleteAsync();
        }
        var history = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY application_transitions (application_id, \"from\", \"to\", \"trigger\", actor_kind, actor_user_id, actor_name, at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                var name = $"{r.FirstName} {r.LastName}";
                await TransitionAsync(copy, r.Id, null, ApplicationState.Draft, null, "Candidate", r.CandidateId, name, r.Created);
                history++;
                if (r.SubmittedAt is not { } at) continue;
                await TransitionAsync(copy, r.Id, ApplicationState.Draft, ApplicationState.Submitted, ApplicationTrigger.Submit, "Candidate", r.CandidateId, name, at);
                history++;
                if (r.State == ApplicationState.Submitted) continue;
                await TransitionAsync(copy, r.Id, ApplicationState.Submitted, r.State, ApplicationTrigger.StartReview, "ProgramManager", staff.Id, "Bench Mesure", at.AddDays(1));
                history++;
            }
            await copy.CompleteAsync();
        }
        var ranked = await SelectionSeeder.SeedAsync(db, now);
        // VACUUM too: the visibility map lets the counts of /gestion read their index alone.
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection)) await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"Seeded {rows.Count} applications over {cohorts.Count} cohorts ({history} history lines), {administrations.Count} administrations.");
        Console.WriteLine($"Cohort ids: {cohorts[0].Id}..{cohorts[^1].Id}, the committee's {ranked}; sign in as {StaffEmail}.");
        return 0;
    }

    private static async Task TransitionAsync(NpgsqlBinaryImporter copy, Guid application, ApplicationState? from, ApplicationState to,
        ApplicationTrigger? trigger, string actorKind, string actorId, string actorName, DateTimeOffset at)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(application);
        if (from is { } f) await copy.WriteAsync(f.ToString()); else await copy.WriteNullAsync();
        await copy.WriteAsync(to.ToString());
        if (trigger is { } t) await copy.WriteAsync(t.ToString()); else await copy.WriteNullAsync();
        await copy.WriteAsync(actorKind);
        await copy.WriteAsync(actorId);
        await copy.WriteAsync(actorName);
        await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
    }

    private sealed record Row(Guid Id, int CohortId, string CandidateId, string FirstName, string LastName, string Email, int AdministrationId,
        ServiceCategory Category, ApplicationState State, DateTimeOffset Created, DateTimeOffset? SubmittedAt, string Position);
}
