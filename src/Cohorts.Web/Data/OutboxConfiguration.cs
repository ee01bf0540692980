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
        message.Property(m => m.Kind).HasMaxLength(100);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.DedupeKey).HasMaxLength(300);
        // The delivery job looks for what is still to send and due; sent and failed messages leave this index.
        message.HasIndex(m => m.NextAttemptAt).HasFilter("state = 'Pending'");
        // What makes a reminder leave once, whoever writes it and however often (see Outbox.AddOnceAsync).
        message.HasIndex(m => m.DedupeKey).IsUnique().HasFilter("dedupe_key IS NOT NULL");
        // The mail journal: newest first, by cohort, by kind, by state.
        message.HasIndex(m => new { m.CohortId, m.CreatedAt });
        message.HasIndex(m => new { m.Kind, m.CreatedAt });
        message.HasIndex(m => new { m.State, m.CreatedAt });
        message.HasIndex(m => m.ApplicationId);
        // The journal unfiltered (an Admin's first page), newest first.
        message.HasIndex(m => m.CreatedAt);
        // The purge's next batch: the sent messages whose bodies are still there, oldest first (purged ones leave the index).
        message.HasIndex(m => m.SentAt).HasFilter("state = 'Sent' AND bodies_purged_at IS NULL");
        message.Navigation(m => m.Attachments).HasField("_attachments");
        message.OwnsMany(m => m.Attachments, attachment =>
        {
            attachment.ToTable("outbox_attachments");
            attachment.WithOwner().HasForeignKey("message_id");
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.FileName).HasMaxLength(200);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
        });
    }
}
