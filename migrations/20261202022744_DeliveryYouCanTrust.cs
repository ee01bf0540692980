using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryYouCanTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages");

            migrationBuilder.RenameColumn(
                name: "template",
                table: "outbox_messages",
                newName: "kind");

            migrationBuilder.AddColumn<string>(
                name: "message_id",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "text_body",
                table: "outbox_messages",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "html_body",
                table: "outbox_messages",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<Guid>(
                name: "application_id",
                table: "outbox_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "bodies_purged_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_until",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "cohort_id",
                table: "outbox_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dedupe_key",
                table: "outbox_messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "failed_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "outbox_messages",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "outbox_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_attachments_outbox_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "outbox_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The messages already written keep their attachment, their state and their Message-ID.
            migrationBuilder.Sql("""
                INSERT INTO outbox_attachments (message_id, file_name, content_type, content)
                SELECT id, attachment_file_name, attachment_content_type, attachment_content FROM outbox_messages
                WHERE attachment_content IS NOT NULL;
                UPDATE outbox_messages SET state = CASE WHEN sent_at IS NULL THEN 'Pending' ELSE 'Sent' END,
                       message_id = CASE WHEN sent_at IS NULL THEN NULL ELSE replace(id::text, '-', '') || '@cohorts' END;
                """);

            migrationBuilder.DropColumn(
                name: "attachment_file_name",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_content",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_content_type",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_application_id",
                table: "outbox_messages",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_cohort_id_created_at",
                table: "outbox_messages",
                columns: new[] { "cohort_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dedupe_key",
                table: "outbox_messages",
                column: "dedupe_key",
                unique: true,
                filter: "dedupe_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_kind_created_at",
                table: "outbox_messages",
                columns: new[] { "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "state = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_state_created_at",
                table: "outbox_messages",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_attachments_message_id",
                table: "outbox_attachments",
                column: "message_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_attachments");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_application_id",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_cohort_id_created_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_dedupe_key",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_kind_created_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_state_created_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "application_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "bodies_purged_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "cohort_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "dedupe_key",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "state",
                table: "outbox_messages");

            // Going back keeps neither the attachments nor the Message-IDs.
            migrationBuilder.DropColumn(
                name: "message_id",
                table: "outbox_messages");

            migrationBuilder.AddColumn<string>(
                name: "attachment_file_name",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "outbox_messages",
                newName: "template");

            migrationBuilder.AlterColumn<string>(
                name: "text_body",
                table: "outbox_messages",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "html_body",
                table: "outbox_messages",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "attachment_content",
                table: "outbox_messages",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_content_type",
                table: "outbox_messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "sent_at IS NULL");
        }
    }
}
