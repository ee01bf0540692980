using Cohorts.Domain.Catalogue;
using Cohorts.Web.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class ReminderSwitchConfiguration : IEntityTypeConfiguration<ReminderSwitch>
{
    public void Configure(EntityTypeBuilder<ReminderSwitch> reminderSwitch)
    {
        reminderSwitch.ToTable("reminder_switches");
        reminderSwitch.HasKey(s => new { s.CohortId, s.Kind });
        reminderSwitch.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        reminderSwitch.Property(s => s.SwitchedOffBy).HasMaxLength(200);
        reminderSwitch.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
