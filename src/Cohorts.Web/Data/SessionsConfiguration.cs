using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

/// <summary>
/// Sessions and what hangs on them. The clash rules are not in this model: the migration <c>SessionsAndAttendance</c>
/// adds the exclusion constraints on <c>session_bookings</c> (btree_gist) and the trigger that keeps a session within
/// its cohort's dates, which EF Core cannot describe.
/// </summary>
internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.ToTable("sessions", t =>
        {
            t.HasCheckConstraint("ck_sessions_ends_after_start", "ends_at > starts_at");
            t.HasCheckConstraint("ck_sessions_hours", "hours > 0");
        });
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        session.Property(s => s.Title).HasMaxLength(Session.TitleMaxLength).UseCollation(Collations.French);
        session.Property(s => s.Description).HasMaxLength(Session.DescriptionMaxLength);
        session.Property(s => s.Place).HasMaxLength(Session.TextMaxLength);
        session.Property(s => s.Address).HasMaxLength(Session.TextMaxLength);
        session.Property(s => s.Room).HasMaxLength(Session.TextMaxLength);
        session.Property(s => s.VideoLink).HasMaxLength(Session.TextMaxLength);
        session.Property(s => s.CancelReason).HasMaxLength(Session.TextMaxLength);
        session.Property(s => s.Hours).HasPrecision(5, 2);
        session.Property(s => s.Version).IsRowVersion();
        session.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<CohortsUser>().WithMany().HasForeignKey(s => s.LeadId).OnDelete(DeleteBehavior.Restrict);
        session.HasIndex(s => new { s.CohortId, s.StartsAt });
        session.HasIndex(s => new { s.LeadId, s.StartsAt });
        session.HasIndex(s => s.SeriesId);
        session.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.Navigation(s => s.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        session.HasMany(s => s.Bookings).WithOne().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.Navigation(s => s.Bookings).HasField("_bookings").UsePropertyAccessMode(PropertyAccessMode.Field);
        session.Ignore(s => s.ParticipantIds);
    }
}

internal sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> participant)
    {
        participant.ToTable("session_participants");
        participant.HasKey(p => new { p.SessionId, p.ParticipantId });
        participant.HasIndex(p => p.ParticipantId);
        participant.HasOne<CohortsUser>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionBookingConfiguration : IEntityTypeConfiguration<SessionBooking>
{
    public void Configure(EntityTypeBuilder<SessionBooking> booking)
    {
        booking.ToTable("session_bookings", t => t.HasCheckConstraint("ck_session_bookings_person",
            "(role = 'Cohort') = (person_id IS NULL)"));
        booking.Property(b => b.Role).HasConversion<string>().HasMaxLength(20);
        booking.HasIndex(b => new { b.SessionId, b.Role, b.PersonId }).IsUnique().AreNullsDistinct(false);
        booking.HasIndex(b => new { b.PersonId, b.StartsAt });
        booking.HasIndex(b => new { b.CohortId, b.StartsAt });
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("attendances");
        attendance.Property(a => a.Id).ValueGeneratedNever();
        attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        attendance.Property(a => a.Version).IsRowVersion();
        attendance.HasIndex(a => new { a.SessionId, a.ParticipantId }).IsUnique();
        attendance.HasIndex(a => a.ParticipantId);
        attendance.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne<CohortsUser>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        attendance.HasMany(a => a.History).WithOne().HasForeignKey(c => c.AttendanceId).OnDelete(DeleteBehavior.Cascade);
        attendance.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AttendanceChangeConfiguration : IEntityTypeConfiguration<AttendanceChange>
{
    public void Configure(EntityTypeBuilder<AttendanceChange> change)
    {
        change.ToTable("attendance_changes");
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ByName).HasMaxLength(300);
        change.HasIndex(c => new { c.AttendanceId, c.At });
    }
}

internal sealed class CohortCoachConfiguration : IEntityTypeConfiguration<CohortCoach>
{
    public void Configure(EntityTypeBuilder<CohortCoach> coach)
    {
        coach.ToTable("cohort_coaches", t => t.HasCheckConstraint("ck_cohort_coaches_capacity",
            $"max_coachees BETWEEN 1 AND {CohortCoach.LargestCapacity}"));
        coach.HasKey(c => new { c.CohortId, c.CoachId });
        coach.HasIndex(c => c.CoachId);
        coach.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        coach.HasOne<CohortsUser>().WithMany().HasForeignKey(c => c.CoachId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoachPairingConfiguration : IEntityTypeConfiguration<CoachPairing>
{
    public void Configure(EntityTypeBuilder<CoachPairing> pairing)
    {
        pairing.ToTable("coach_pairings");
        pairing.Property(p => p.Id).ValueGeneratedNever();
        pairing.Property(p => p.PairedBy).HasMaxLength(300);
        // One coach per participant and cohort, whatever the race.
        pairing.HasIndex(p => new { p.CohortId, p.ParticipantId }).IsUnique();
        pairing.HasIndex(p => new { p.CoachId, p.CohortId });
        pairing.HasOne<CohortCoach>().WithMany().HasForeignKey(p => new { p.CohortId, p.CoachId }).OnDelete(DeleteBehavior.Restrict);
        pairing.HasOne<CohortsUser>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoachingLogConfiguration : IEntityTypeConfiguration<CoachingLog>
{
    public void Configure(EntityTypeBuilder<CoachingLog> log)
    {
        log.ToTable("coaching_logs", t => t.HasCheckConstraint("ck_coaching_logs_duration",
            $"duration_minutes BETWEEN 1 AND {CoachingLog.LongestMinutes}"));
        log.Property(l => l.Id).ValueGeneratedNever();
        log.Property(l => l.Mode).HasConversion<string>().HasMaxLength(20);
        log.Property(l => l.Topics).HasMaxLength(CoachingLog.TopicsMaxLength);
        log.Property(l => l.SharedSummary).HasMaxLength(CoachingLog.TextMaxLength);
        log.Property(l => l.PrivateNotes).HasMaxLength(CoachingLog.TextMaxLength);
        log.Property(l => l.Version).IsRowVersion();
        log.HasIndex(l => l.SessionId).IsUnique();
        log.HasIndex(l => l.CoachId);
        log.HasOne<Session>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        log.HasOne<CohortsUser>().WithMany().HasForeignKey(l => l.CoachId).OnDelete(DeleteBehavior.Restrict);
        log.Ignore(l => l.Hours);
    }
}

internal sealed class SessionRatingConfiguration : IEntityTypeConfiguration<SessionRating>
{
    public void Configure(EntityTypeBuilder<SessionRating> rating)
    {
        rating.ToTable("session_ratings", t => t.HasCheckConstraint("ck_session_ratings_score",
            $"score BETWEEN {SessionRating.Lowest} AND {SessionRating.Highest}"));
        rating.Property(r => r.Id).ValueGeneratedNever();
        rating.Property(r => r.Comment).HasMaxLength(SessionRating.CommentMaxLength);
        // Once per participant and session, whatever the race.
        rating.HasIndex(r => new { r.SessionId, r.ParticipantId }).IsUnique();
        rating.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        rating.HasOne<CohortsUser>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("calendar_feeds");
        feed.HasKey(f => f.UserId);
        feed.HasIndex(f => f.TokenHash).IsUnique();
        feed.HasOne<CohortsUser>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
