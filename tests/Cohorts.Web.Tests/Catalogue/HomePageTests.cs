using Cohorts.Domain.Catalogue;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Catalogue;

[Collection(AppFixtureGroup.Name)]
public sealed class HomePageTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_catalogue_lists_both_programs_with_their_open_and_upcoming_cohorts_only()
    {
        var now = app.Clock.GetUtcNow();
        var today = Cohorts.Domain.ParisTime.Today(now);
        await app.WithDbAsync(async db =>
        {
            var booster = TrainingProgram.Create("booster-agile", "Booster Agile", "Deux mois pour la posture agile.", "Présentiel et distanciel", true, false);
            var advisor = TrainingProgram.Create("conseiller-strategie-numerique", "Conseiller en stratégie numérique", "Six mois de parcours métier.", "", true, true);
            db.Programs.AddRange(booster, advisor);
            db.Cohorts.AddRange(
                Cohort.Create(booster, "Promotion passée", 44, today.AddMonths(-6), today.AddMonths(-4), now.AddMonths(-9), now.AddMonths(-7)).Published(),
                Cohort.Create(booster, "Promotion ouverte", 100, today.AddMonths(3), today.AddMonths(5), now.AddDays(-10), now.AddDays(20)).Published(),
                Cohort.Create(advisor, "Promotion annoncée", 35, today.AddMonths(6), today.AddMonths(12), now.AddMonths(1), now.AddMonths(2)).Published());
            return await db.SaveChangesAsync();
        });

        var page = await Forms.ReadAsync(app.Client(), "/");

        Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        Assert.Contains("Booster Agile", page, StringComparison.Ordinal);
        Assert.Contains("Conseiller en stratégie numérique", page, StringComparison.Ordinal);
        Assert.Contains("Promotion ouverte", page, StringComparison.Ordinal);
        Assert.Contains("Candidatures ouvertes", page, StringComparison.Ordinal);
        Assert.Contains("Promotion annoncée", page, StringComparison.Ordinal);
        Assert.Contains("Candidatures bientôt ouvertes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotion passée", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_are_shown_in_Paris_time()
    {
        var now = app.Clock.GetUtcNow();
        // 16:30 UTC on 20 March is 17:30 in Paris (winter time).
        var deadline = new DateTimeOffset(2027, 3, 20, 16, 30, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("p", "Programme", "", "", false, false);
            db.Programs.Add(program);
            db.Cohorts.Add(Cohort.Create(program, "Promotion", 10, new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 1), now.AddDays(-1), deadline).Published());
            return await db.SaveChangesAsync();
        });

        var page = await Forms.ReadAsync(app.Client(), "/");

        Assert.Contains("Candidatures jusqu'au 20 mars 2027 à 17 h 30.", page, StringComparison.Ordinal);
        Assert.Contains("du 1er juin 2027 au 1er juillet 2027", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_without_an_open_call_says_so()
    {
        await app.WithDbAsync(async db =>
        {
            db.Programs.Add(TrainingProgram.Create("p", "Programme sans appel", "", "", false, false));
            return await db.SaveChangesAsync();
        });

        var page = await Forms.ReadAsync(app.Client(), "/");

        Assert.Contains("Programme sans appel", page, StringComparison.Ordinal);
        Assert.Contains("Aucun appel à candidatures ouvert ou annoncé pour le moment.", page, StringComparison.Ordinal);
    }
}
