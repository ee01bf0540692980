using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Organisations;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Documents;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Data;

public sealed class CohortsDbContext(DbContextOptions<CohortsDbContext> options)
    : IdentityDbContext<CohortsUser>(options), IDataProtectionKeyContext
{
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<ProgramManager> ProgramManagers => Set<ProgramManager>();
    public DbSet<Ministry> Ministries => Set<Ministry>();
    public DbSet<Administration> Administrations => Set<Administration>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationTransition> ApplicationTransitions => Set<ApplicationTransition>();
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<SelectionSettings> SelectionSettings => Set<SelectionSettings>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<AssignmentChange> AssignmentChanges => Set<AssignmentChange>();
    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<ProposalOverride> ProposalOverrides => Set<ProposalOverride>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<EnrollmentTransition> EnrollmentTransitions => Set<EnrollmentTransition>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<AccountAction> AccountActions => Set<AccountAction>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Reminders.ReminderSwitch> ReminderSwitches => Set<Reminders.ReminderSwitch>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionParticipant> SessionParticipants => Set<SessionParticipant>();
    public DbSet<SessionBooking> SessionBookings => Set<SessionBooking>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<AttendanceChange> AttendanceChanges => Set<AttendanceChange>();
    public DbSet<CohortCoach> CohortCoaches => Set<CohortCoach>();
    public DbSet<CoachPairing> CoachPairings => Set<CoachPairing>();
    public DbSet<CoachingLog> CoachingLogs => Set<CoachingLog>();
    public DbSet<SessionRating> SessionRatings => Set<SessionRating>();
    public DbSet<Sessions.CalendarFeed> CalendarFeeds => Set<Sessions.CalendarFeed>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CohortsDbContext).Assembly);
    }
}
