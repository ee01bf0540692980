using Cohorts.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> program)
    {
        program.ToTable("programs");
        program.Property(p => p.Slug).HasMaxLength(80);
        program.HasIndex(p => p.Slug).IsUnique();
        program.Property(p => p.Name).HasMaxLength(200).UseCollation(Collations.French);
        program.Property(p => p.Summary).HasMaxLength(2000);
        program.Property(p => p.Format).HasMaxLength(2000);
        program.Property(p => p.SelectionDescription).HasMaxLength(2000);
        program.Property(p => p.Expertise).HasConversion<string>().HasMaxLength(40);
        program.ToTable(t => t.HasCheckConstraint("ck_programs_attendance_threshold", "attendance_threshold BETWEEN 0 AND 100"));
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> cohort)
    {
        cohort.Property(c => c.Name).HasMaxLength(200).UseCollation(Collations.French);
        cohort.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        cohort.HasIndex(c => new { c.ProgramId, c.Name }).IsUnique();
        cohort.Property(c => c.Place).HasMaxLength(500);
        cohort.Property(c => c.Format).HasMaxLength(500);
        cohort.HasMany(c => c.DeadlineChanges).WithOne().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
        cohort.Navigation(c => c.DeadlineChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        cohort.ToTable(t =>
        {
            t.HasCheckConstraint("ck_cohorts_seats_positive", "seats > 0");
            t.HasCheckConstraint("ck_cohorts_dates_ordered", "ends_on >= starts_on");
            t.HasCheckConstraint("ck_cohorts_call_ordered", "applications_close_at > applications_open_at");
        });
    }
}

internal sealed class ProgramManagerConfiguration : IEntityTypeConfiguration<Cohorts.Web.Catalogue.ProgramManager>
{
    public void Configure(EntityTypeBuilder<Cohorts.Web.Catalogue.ProgramManager> manager)
    {
        manager.ToTable("program_managers");
        manager.HasKey(m => new { m.ProgramId, m.UserId });
        manager.HasOne<TrainingProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        manager.HasOne<Cohorts.Web.Identity.CohortsUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // "The programs this user manages" reads by user.
        manager.HasIndex(m => m.UserId);
    }
}

internal sealed class DeadlineChangeConfiguration : IEntityTypeConfiguration<DeadlineChange>
{
    public void Configure(EntityTypeBuilder<DeadlineChange> change)
    {
        change.ToTable("cohort_deadline_changes");
        change.Property(d => d.ActorName).HasMaxLength(200);
        change.Property(d => d.ActorId).HasMaxLength(450);
    }
}
