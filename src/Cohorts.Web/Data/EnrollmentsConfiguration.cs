using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> enrollment)
    {
        enrollment.ToTable("enrollments");
        enrollment.Property(e => e.Id).ValueGeneratedNever();
        enrollment.Property(e => e.State).HasConversion<string>().HasMaxLength(40);
        enrollment.Property(e => e.Version).IsRowVersion();
        // One enrollment per accepted offer, whatever the race.
        enrollment.HasIndex(e => e.ApplicationId).IsUnique();
        enrollment.HasIndex(e => new { e.CohortId, e.State });
        enrollment.HasIndex(e => e.ParticipantId);
        enrollment.HasOne<Application>().WithOne().HasForeignKey<Enrollment>(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        enrollment.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        enrollment.HasOne<CohortsUser>().WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        enrollment.HasMany(e => e.History).WithOne().HasForeignKey(t => t.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        enrollment.Navigation(e => e.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EnrollmentTransitionConfiguration : IEntityTypeConfiguration<EnrollmentTransition>
{
    public void Configure(EntityTypeBuilder<EnrollmentTransition> transition)
    {
        transition.MapHistory<EnrollmentTransition, EnrollmentState, EnrollmentTrigger>("enrollment_transitions");
        transition.HasIndex(t => new { t.EnrollmentId, t.At });
    }
}
