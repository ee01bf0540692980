using Cohorts.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class MinistryConfiguration : IEntityTypeConfiguration<Ministry>
{
    public void Configure(EntityTypeBuilder<Ministry> ministry)
    {
        ministry.Property(m => m.Name).HasMaxLength(300).UseCollation(Collations.French);
        ministry.HasIndex(m => m.Name).IsUnique();
        ministry.Property(m => m.Acronym).HasMaxLength(30);
    }
}

internal sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> administration)
    {
        administration.Property(a => a.Name).HasMaxLength(300).UseCollation(Collations.French);
        administration.HasIndex(a => new { a.MinistryId, a.Name }).IsUnique();
        administration.HasOne(a => a.Ministry).WithMany().HasForeignKey(a => a.MinistryId).OnDelete(DeleteBehavior.Restrict);
    }
}
