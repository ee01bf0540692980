using System.Security.Claims;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Migrations;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Persistence;

[Collection(AppFixtureGroup.Name)]
public sealed class DemoSessionsTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task SeedAsync() => app.WithScopeAsync(DemoData.SeedAsync);

    /// <summary>Each demo program's running cohort, by program slug.</summary>
    private Task<Dictionary<string, Cohort>> RunningAsync() => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        return (await db.Cohorts.Include(c => c.Program).AsNoTracking().ToListAsync())
            .Where(c => c.PhaseAt(now) == CohortPhase.Running).ToDictionary(c => c.Program.Slug);
    });

    private Task<string> IdOfAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Seeding_twice_adds_the_calendar_attendance_coaching_and_ratings_once()
    {
        bool first = false, second = true;
        await app.WithScopeAsync(async services => first = await DemoData.SeedAsync(services));
        var counts = await CountsAsync();
        await app.WithScopeAsync(async services => second = await DemoData.SeedAsync(services));
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(counts, await CountsAsync());
        Assert.All(counts, c => Assert.True(c > 0, string.Join(", ", counts)));
        // Only the cancelled session's bookings are let go.
        Assert.Equal(await app.WithDbAsync(db => db.SessionBookings.CountAsync(b => db.Sessions.Any(s => s.Id == b.SessionId && s.CancelledAt != null))),
            await app.WithDbAsync(db => db.SessionBookings.CountAsync(b => !b.Active)));
        // Demo history, not news: no participant, facilitator or coach is emailed about it.
        var demoPeople = DemoSessions.Plans.Select(p => p.BelowThresholdEmail).Concat(DemoSessions.Facilitators.Select(f => f.Email)).ToList();
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => demoPeople.Contains(m.To) || m.To == DemoSessions.CoachEmail)));

        Task<int[]> CountsAsync() => app.WithDbAsync(async db => new[]
        {
            await db.Sessions.CountAsync(), await db.Attendances.CountAsync(), await db.AttendanceChanges.CountAsync(),
            await db.CohortCoaches.CountAsync(), await db.CoachPairings.CountAsync(), await db.CoachingLogs.CountAsync(),
            await db.SessionRatings.CountAsync(), await db.Enrollments.CountAsync(), await db.Users.CountAsync(),
        });
    }

    [Fact]
    public async Task Each_running_cohort_has_enrolled_participants_and_sessions_of_the_three_kinds_past_and_upcoming_at_09_30_in_Paris()
    {
        await SeedAsync();
        var now = app.Clock.GetUtcNow();
        var running = await RunningAsync();
        Assert.Equal(["booster-agile", "conseiller-strategie-numerique"], running.Keys.Order());
        foreach (var plan in DemoSessions.Plans)
        {
            var cohort = running[plan.ProgramSlug];
            var sessions = await app.WithDbAsync(db => db.Sessions.AsNoTracking().Where(s => s.CohortId == cohort.Id).ToListAsync());
            foreach (var kind in SessionKinds.All)
            {
                Assert.Contains(sessions, s => s.Kind == kind && s.HasEnded(now));
                Assert.Contains(sessions, s => s.Kind == kind && !s.HasStarted(now));
            }
            // The time-zone note: every cohort session starts at 09:30 in Paris, whatever the daylight saving time.
            Assert.All(sessions.Where(s => s.IsCohortWide),
                s => Assert.Equal(new TimeSpan(9, 30, 0), ParisTime.ToParis(s.StartsAt).TimeOfDay));
            var remote = sessions.Where(s => s.Kind == SessionKind.Remote).OrderBy(s => s.StartsAt).ToList();
            Assert.Single(remote.Select(s => s.SeriesId).Distinct());
            Assert.NotNull(remote[0].SeriesId);
            Assert.All(remote.Zip(remote.Skip(1)), pair => Assert.Equal(7,
                ParisTime.Today(pair.Second.StartsAt).DayNumber - ParisTime.Today(pair.First.StartsAt).DayNumber));
            Assert.All(remote, s => Assert.StartsWith("https://", s.VideoLink, StringComparison.Ordinal));
            Assert.All(sessions.Where(s => s.Kind == SessionKind.InPerson), s =>
            {
                Assert.NotEmpty(s.Place);
                Assert.NotEmpty(s.Address);
                Assert.NotEmpty(s.Room);
            });
            var cancelled = Assert.Single(sessions, s => s.IsCancelled);
            Assert.Equal((SessionKind.Remote, DemoSessions.CancelReason, 1), (cancelled.Kind, cancelled.CancelReason, cancelled.Sequence));
            Assert.False(cancelled.HasStarted(now));
            // Participants who accepted their place, each enrolled.
            var expected = plan.Participants.Count + (plan.WithDemoCandidate ? 1 : 0);
            var states = await app.WithDbAsync(db => db.Applications.Where(a => a.CohortId == cohort.Id).Select(a => a.State).ToListAsync());
            Assert.Equal(Enumerable.Repeat(ApplicationState.OfferAccepted, expected), states);
            var participants = await app.WithDbAsync(db => db.ParticipantsOf(cohort.Id).Select(e => e.ParticipantId).ToListAsync());
            Assert.Equal(expected, participants.Count);
            // Every participant is marked on every cohort session held, on none to come.
            var marks = await app.WithDbAsync(db => db.Attendances.AsNoTracking()
                .Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == cohort.Id && s.Kind != SessionKind.Coaching))
                .Select(a => new { a.SessionId, a.ParticipantId }).ToListAsync());
            var held = sessions.Where(s => s.IsCohortWide && s.HasEnded(now)).Select(s => s.Id).ToHashSet();
            Assert.Equal(held.Count * participants.Count, marks.Count);
            Assert.All(marks, m => Assert.Contains(m.SessionId, held));
        }
        // A correction is kept in the history (who, from, to).
        var corrected = await app.WithDbAsync(db => db.AttendanceChanges.Where(c => c.From != null).ToListAsync());
        Assert.Contains(corrected, c => c.From == AttendanceStatus.Absent && c.To == AttendanceStatus.Late && c.ByName.Length > 0);
    }

    [Fact]
    public async Task The_demo_candidate_is_enrolled_in_one_running_cohort_with_sessions_to_come_hours_attended_coaching_and_a_session_to_rate()
    {
        await SeedAsync();
        var now = app.Clock.GetUtcNow();
        var candidate = await IdOfAsync(DemoSessions.CandidateEmail);
        var cohorts = await app.WithDbAsync(db => db.CohortsOf(candidate).ToListAsync());
        var cohort = Assert.Single(cohorts);
        Assert.Equal((await RunningAsync())["conseiller-strategie-numerique"].Id, cohort);

        var theirs = await app.WithDbAsync(db => db.Sessions.AsNoTracking().AttendedBy(db, candidate).Include(s => s.Participants).ToListAsync());
        var upcoming = theirs.Where(s => !s.HasStarted(now)).ToList();
        Assert.Contains(upcoming, s => s.Kind == SessionKind.InPerson && s.Place.Length > 0);
        Assert.Contains(upcoming, s => s.Kind == SessionKind.Remote && s.VideoLink.Length > 0);
        Assert.Contains(upcoming, s => s.Kind == SessionKind.Coaching);
        Assert.All(theirs.Where(s => s.Kind == SessionKind.Coaching), s => Assert.Equal([candidate], s.ParticipantIds));

        var record = await app.WithDbAsync(db => AttendanceHours.ForParticipantAsync(db, cohort, candidate, CancellationToken.None));
        Assert.NotNull(record);
        Assert.True(record.Hours.AttendedMandatory > 0, "hours attended");
        Assert.True(record.Hours.PlannedMandatory > record.Hours.AttendedMandatory, "hours planned for the whole cohort");
        Assert.True(record.CoachingHoursLogged > 0, "coaching hours logged");
        var summaries = await app.WithDbAsync(db => db.CoachingLogs
            .Where(l => db.SessionParticipants.Any(p => p.SessionId == l.SessionId && p.ParticipantId == candidate)).Select(l => l.SharedSummary).ToListAsync());
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.NotEmpty(s));

        // A session they attended, ended, not rated yet: the demo can rate it.
        var rated = await app.WithDbAsync(db => db.SessionRatings.Where(r => r.ParticipantId == candidate).Select(r => r.SessionId).ToListAsync());
        var attended = await app.WithDbAsync(db => db.Attendances.Where(a => a.ParticipantId == candidate)
            .Select(a => new { a.SessionId, a.Status }).ToListAsync());
        Assert.NotEmpty(rated);
        var ratable = theirs.Where(s => s.IsCohortWide && s.HasEnded(now) && !rated.Contains(s.Id)
            && attended.Any(a => a.SessionId == s.Id && AttendanceStatuses.Attended(a.Status))).ToList();
        Assert.NotEmpty(ratable);
        Assert.Equal(4, SessionRating.Give(ratable[0], candidate, AttendanceStatus.Present, alreadyRated: false, 4, "", now).Score);
    }

    [Fact]
    public async Task The_demo_coach_accompanies_coachees_within_their_capacity_has_logs_with_private_notes_and_one_log_to_write_per_cohort()
    {
        await SeedAsync();
        var now = app.Clock.GetUtcNow();
        var coach = await IdOfAsync(DemoSessions.CoachEmail);
        foreach (var plan in DemoSessions.Plans)
        {
            var cohort = (await RunningAsync())[plan.ProgramSlug];
            var capacity = await app.WithDbAsync(db => db.CohortCoaches.Where(c => c.CohortId == cohort.Id && c.CoachId == coach).Select(c => c.MaxCoachees).SingleAsync());
            var coachees = await app.WithDbAsync(db => db.CoacheesOf(cohort.Id, coach).ToListAsync());
            Assert.Equal(plan.Coachees, coachees.Count);
            Assert.True(coachees.Count <= capacity);
            Assert.Null(await app.WithDbAsync(db => CoachingRules.CheckCoacheesAsync(db, cohort.Id, coach, coachees, CancellationToken.None)));

            var led = await app.WithDbAsync(db => db.Sessions.AsNoTracking().LedBy(coach).Where(s => s.CohortId == cohort.Id)
                .Include(s => s.Participants).ToListAsync());
            Assert.All(led, s => Assert.Equal(SessionKind.Coaching, s.Kind));
            Assert.All(led, s => Assert.Subset(coachees.ToHashSet(), s.ParticipantIds.ToHashSet()));
            var logs = await app.WithDbAsync(db => db.CoachingLogs.Where(l => db.Sessions.Any(s => s.Id == l.SessionId && s.CohortId == cohort.Id)).ToListAsync());
            Assert.NotEmpty(logs);
            Assert.All(logs, l =>
            {
                Assert.Equal(coach, l.CoachId);
                Assert.StartsWith("Notes privées", l.PrivateNotes, StringComparison.Ordinal);
                Assert.NotEmpty(l.SharedSummary);
            });
            var toWrite = led.Where(s => s.HasEnded(now) && logs.All(l => l.SessionId != s.Id)).ToList();
            var left = Assert.Single(toWrite);
            // The coach can write it now.
            Assert.Equal(60, CoachingLog.Write(left, coach, ParisTime.Today(left.StartsAt), 60, CoachingMode.Video, "Bilan", "Synthèse", "", now).DurationMinutes);
            Assert.Contains(led, s => !s.HasStarted(now));
        }
    }

    [Fact]
    public async Task Each_manager_finds_sessions_in_the_cohorts_of_their_programs_only()
    {
        await SeedAsync();
        var running = await RunningAsync();
        var both = await ManagedCohortsWithSessionsAsync("responsable@cohorts.test");
        Assert.Equal(running.Values.Select(c => c.Id).Order(), both.Order());
        var strategy = await ManagedCohortsWithSessionsAsync("responsable.strategie@cohorts.test");
        Assert.Equal([running["conseiller-strategie-numerique"].Id], strategy);
    }

    private async Task<List<int>> ManagedCohortsWithSessionsAsync(string email)
    {
        var id = await IdOfAsync(email);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, Roles.ProgramManager)], "demo"));
        return await app.WithDbAsync(db => db.Sessions.ManagedBy(db, user).Select(s => s.CohortId).Distinct().ToListAsync());
    }

    [Fact]
    public async Task In_each_running_cohort_one_participant_misses_so_much_that_they_fall_below_the_programs_threshold()
    {
        await SeedAsync();
        foreach (var plan in DemoSessions.Plans)
        {
            var cohort = (await RunningAsync())[plan.ProgramSlug];
            var threshold = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == cohort.ProgramId).Select(p => p.AttendanceThreshold).SingleAsync());
            Assert.Equal(80, threshold);
            var records = await app.WithDbAsync(db => AttendanceHours.ForCohortAsync(db, cohort.Id, CancellationToken.None));
            var emails = await app.WithDbAsync(db => db.Users.Where(u => records.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!));
            // At best, attending everything from now on: what the attendance page flags « Seuil hors d'atteinte ».
            var below = records.Values.Where(r => r.Hours.OutOfReach(threshold)).Select(r => emails[r.ParticipantId]).ToList();
            Assert.Equal([plan.BelowThresholdEmail], below);
            Assert.True(records.Values.Single(r => emails[r.ParticipantId] == plan.BelowThresholdEmail).Hours.Below(threshold));
        }
    }

    [Fact]
    public async Task Ratings_come_from_participants_who_attended_ended_sessions_once_each()
    {
        await SeedAsync();
        var now = app.Clock.GetUtcNow();
        var ratings = await app.WithDbAsync(db => db.SessionRatings.Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new
        {
            r.ParticipantId, r.Score, s.EndsAt, r.RatedAt,
            Status = db.Attendances.Where(a => a.SessionId == s.Id && a.ParticipantId == r.ParticipantId).Select(a => (AttendanceStatus?)a.Status).SingleOrDefault(),
        }).ToListAsync());
        Assert.NotEmpty(ratings);
        Assert.All(ratings, r =>
        {
            Assert.InRange(r.Score, SessionRating.Lowest, SessionRating.Highest);
            Assert.True(r.EndsAt <= r.RatedAt && r.RatedAt <= now);
            Assert.True(r.Status is { } status && AttendanceStatuses.Attended(status));
        });
        Assert.True(ratings.Select(r => r.Score).Distinct().Count() > 1, "ratings vary");
    }

    [Fact]
    public async Task The_facilitators_sign_in_with_the_demo_password_and_lead_their_programs_cohort_sessions()
    {
        await SeedAsync();
        var running = await RunningAsync();
        foreach (var (email, _, _, slug) in DemoSessions.Facilitators)
        {
            var client = app.Client();
            var page = await Forms.PostAndReadAsync(client, "/connexion",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = DemoData.Password });
            Assert.Contains("Se déconnecter", page, StringComparison.Ordinal);
            var id = await IdOfAsync(email);
            Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Coach))));
            var cohorts = await app.WithDbAsync(db => db.Sessions.LedBy(id).Select(s => s.CohortId).Distinct().ToListAsync());
            Assert.Equal([running[slug].Id], cohorts);
        }
    }
}
