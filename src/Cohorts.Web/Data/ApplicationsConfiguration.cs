using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Organisations;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.State).HasConversion<string>().HasMaxLength(40);
        application.Property(a => a.Civility).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.Category).HasConversion<string>().HasMaxLength(1);
        application.Property(a => a.FirstName).HasMaxLength(ApplicationDetails.NameMaxLength).UseCollation(Collations.French);
        application.Property(a => a.LastName).HasMaxLength(ApplicationDetails.NameMaxLength).UseCollation(Collations.French);
        application.Property(a => a.ProfessionalEmail).HasMaxLength(ApplicationDetails.EmailMaxLength);
        application.Property(a => a.Grade).HasMaxLength(ApplicationDetails.TextMaxLength);
        application.Property(a => a.Position).HasMaxLength(ApplicationDetails.TextMaxLength);
        application.Property(a => a.Motivation).HasMaxLength(ApplicationDetails.MotivationMaxLength);
        application.Property(a => a.ManagerName).HasMaxLength(ApplicationDetails.TextMaxLength);
        application.Property(a => a.ManagerEmail).HasMaxLength(ApplicationDetails.EmailMaxLength);
        application.Property(a => a.EndorsementComment).HasMaxLength(2000);
        // Npgsql maps a uint row version to PostgreSQL's xmin system column.
        application.Property(a => a.Version).IsRowVersion();
        // One application in force per candidate per cohort, whatever the race; withdrawn ones stay as history.
        application.HasIndex(a => new { a.CohortId, a.CandidateId }).IsUnique().HasFilter("state <> 'Withdrawn'");
        application.Property(a => a.UnlistedAdministration).HasMaxLength(ApplicationDetails.AdministrationMaxLength);
        application.HasIndex(a => a.State);
        // "Camille Durand Camille": a search finds "camille durand" and "durand camille" alike.
        application.Property<string>(SearchText.Column).HasMaxLength(3 * ApplicationDetails.NameMaxLength + 2)
            .HasComputedColumnSql(SearchText.Sql("first_name || ' ' || last_name || ' ' || first_name"), stored: true);
        // The staff list's filters and sorts, each within one cohort; the name index also serves page 1 as sorted by default.
        application.HasIndex(a => new { a.CohortId, a.LastName, a.FirstName, a.Id });
        // With submitted_at, /gestion's counts per cohort and state read this index alone (an index-only scan).
        application.HasIndex(a => new { a.CohortId, a.State, a.SubmittedAt });
        application.HasIndex(a => new { a.CohortId, a.AdministrationId });
        application.HasIndex(a => new { a.CohortId, a.SubmittedAt });
        // The expiry job reads the open offers past their deadline.
        application.HasIndex(a => a.OfferExpiresAt).HasFilter("state = 'Admitted'");
        application.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<CohortsUser>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<Administration>().WithMany().HasForeignKey(a => a.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<StoredDocument>().WithMany().HasForeignKey(a => a.CvDocumentId).OnDelete(DeleteBehavior.SetNull);
        application.HasMany(a => a.History).WithOne().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        application.Ignore(a => a.Details);
        application.Ignore(a => a.DomainEvents);
    }
}

internal sealed class ApplicationTransitionConfiguration : IEntityTypeConfiguration<ApplicationTransition>
{
    public void Configure(EntityTypeBuilder<ApplicationTransition> transition)
    {
        transition.MapHistory<ApplicationTransition, ApplicationState, ApplicationTrigger>("application_transitions");
        transition.HasIndex(t => new { t.ApplicationId, t.At });
    }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> document)
    {
        document.ToTable("documents");
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.FileName).HasMaxLength(PdfUpload.NameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.HasOne<CohortsUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        document.ToTable(t => t.HasCheckConstraint("ck_documents_size", "size > 0 AND size <= 5242880"));
    }
}
