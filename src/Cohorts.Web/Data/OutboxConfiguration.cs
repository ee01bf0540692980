using Cohorts.Web.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.To).HasMaxLength(320);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.Template).HasMaxLength(100);
        message.Property(m => m.AttachmentFileName).HasMaxLength(200);
        message.Property(m => m.AttachmentContentType).HasMaxLength(100);
        // The delivery job looks for what is still to send and due; sent messages leave this index.
        message.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL");
    }
}
