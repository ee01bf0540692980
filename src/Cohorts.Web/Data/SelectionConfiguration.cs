using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> rubric)
    {
        rubric.ToTable("rubrics", t =>
        {
            t.HasCheckConstraint("ck_rubrics_scale", $"scale_max BETWEEN 2 AND {Rubric.LargestScale}");
            t.HasCheckConstraint("ck_rubrics_interview_share", "interview_share BETWEEN 0 AND 100");
        });
        rubric.HasOne<TrainingProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        rubric.HasIndex(r => new { r.ProgramId, r.Version }).IsUnique();
        rubric.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Cascade);
        rubric.Navigation(r => r.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
        rubric.Ignore(r => r.Inputs);
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> criterion)
    {
        criterion.ToTable("rubric_criteria", t => t.HasCheckConstraint("ck_rubric_criteria_weight", $"weight BETWEEN 1 AND {CriterionInput.MaxWeight}"));
        criterion.Property(c => c.Name).HasMaxLength(CriterionInput.NameMaxLength);
        criterion.Property(c => c.Description).HasMaxLength(CriterionInput.TextMaxLength);
        criterion.Property(c => c.Guidance).HasColumnType("text[]");
        criterion.HasIndex(c => new { c.RubricId, c.Position }).IsUnique();
    }
}

internal sealed class SelectionSettingsConfiguration : IEntityTypeConfiguration<SelectionSettings>
{
    public void Configure(EntityTypeBuilder<SelectionSettings> settings)
    {
        settings.ToTable("selection_settings", t =>
        {
            t.HasCheckConstraint("ck_selection_settings_reviewers", $"reviewers_per_application BETWEEN 1 AND {SelectionSettings.MaxReviewersPerApplication}");
            t.HasCheckConstraint("ck_selection_settings_offer_days", $"offer_days BETWEEN 1 AND {SelectionSettings.MaxOfferDays}");
        });
        settings.HasKey(s => s.CohortId);
        settings.Property(s => s.CohortId).ValueGeneratedNever();
        settings.HasOne<Cohort>().WithOne().HasForeignKey<SelectionSettings>(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        settings.HasOne<Rubric>().WithMany().HasForeignKey(s => s.RubricId).OnDelete(DeleteBehavior.Restrict);
        settings.Property(s => s.Version).IsRowVersion();
        settings.Ignore(s => s.Caps);
        settings.Ignore(s => s.ScoringOpen);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> member)
    {
        member.ToTable("committee_members");
        member.HasKey(m => new { m.CohortId, m.ReviewerId });
        member.HasOne<Cohort>().WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<CohortsUser>().WithMany().HasForeignKey(m => m.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.ReviewerId);
    }
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> assignment)
    {
        assignment.ToTable("review_assignments");
        assignment.Property(a => a.Id).ValueGeneratedNever();
        assignment.Property(a => a.Removal).HasConversion<string>().HasMaxLength(20);
        assignment.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<CohortsUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        // One active assignment per reviewer and application, whatever the race; removed ones stay as records.
        assignment.HasIndex(a => new { a.ApplicationId, a.ReviewerId }).IsUnique().HasFilter("removed_at IS NULL");
        // "Mes évaluations" and the load per reviewer read by reviewer within a cohort.
        assignment.HasIndex(a => new { a.ReviewerId, a.CohortId });
        assignment.HasIndex(a => a.CohortId);
        assignment.Ignore(a => a.Active);
    }
}

internal sealed class AssignmentChangeConfiguration : IEntityTypeConfiguration<AssignmentChange>
{
    public void Configure(EntityTypeBuilder<AssignmentChange> change)
    {
        change.ToTable("assignment_changes");
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.ActorKind).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ReviewerName).HasMaxLength(300);
        change.Property(c => c.ActorName).HasMaxLength(300);
        change.Property(c => c.Reason).HasMaxLength(2000);
        change.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.ApplicationId, c.At });
        change.HasIndex(c => new { c.CohortId, c.At });
    }
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> conflict)
    {
        conflict.ToTable("conflicts_of_interest");
        conflict.HasKey(c => new { c.ApplicationId, c.ReviewerId });
        conflict.Property(c => c.Reason).HasMaxLength(ConflictOfInterest.ReasonMaxLength);
        conflict.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        conflict.HasOne<CohortsUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        conflict.HasIndex(c => c.CohortId);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.ToTable("reviews");
        review.Property(r => r.Id).ValueGeneratedNever();
        review.Property(r => r.Comment).HasMaxLength(Review.CommentMaxLength);
        review.Property(r => r.Version).IsRowVersion();
        review.HasOne<ReviewAssignment>().WithOne().HasForeignKey<Review>(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne<Rubric>().WithMany().HasForeignKey(r => r.RubricId).OnDelete(DeleteBehavior.Restrict);
        review.HasIndex(r => r.AssignmentId).IsUnique();
        // The ranking reads a cohort's submitted reviews in one query.
        review.HasIndex(r => new { r.CohortId, r.ApplicationId });
        review.OwnsMany(r => r.Scores, scores => scores.ToJson());
        review.Navigation(r => r.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        review.Ignore(r => r.Submitted);
    }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> interview)
    {
        interview.ToTable("interviews", t => t.HasCheckConstraint("ck_interviews_duration", "duration_minutes BETWEEN 10 AND 240"));
        interview.HasKey(i => i.ApplicationId);
        interview.HasOne<Application>().WithOne().HasForeignKey<Interview>(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        interview.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Cascade);
        interview.Property(i => i.Place).HasMaxLength(Interview.TextMaxLength);
        interview.Property(i => i.VideoLink).HasMaxLength(Interview.TextMaxLength);
        interview.Property(i => i.Notes).HasMaxLength(Interview.NotesMaxLength);
        interview.Property(i => i.ScoredByName).HasMaxLength(300);
        interview.Property(i => i.PanelIds).HasColumnType("text[]");
        interview.HasIndex(i => i.CohortId);
    }
}

internal sealed class ProposalOverrideConfiguration : IEntityTypeConfiguration<ProposalOverride>
{
    public void Configure(EntityTypeBuilder<ProposalOverride> decision)
    {
        decision.ToTable("proposal_overrides");
        decision.HasKey(o => o.Id);
        decision.Property(o => o.Decision).HasConversion<string>().HasMaxLength(20);
        decision.Property(o => o.Reason).HasMaxLength(ProposalOverride.ReasonMaxLength);
        decision.Property(o => o.ActorName).HasMaxLength(300);
        // A log: an application's override in force is its latest row.
        decision.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        decision.HasOne<Cohort>().WithMany().HasForeignKey(o => o.CohortId).OnDelete(DeleteBehavior.Cascade);
        decision.HasIndex(o => new { o.CohortId, o.Id });
        decision.HasIndex(o => new { o.ApplicationId, o.Id });
        decision.Ignore(o => o.AsInput);
    }
}
