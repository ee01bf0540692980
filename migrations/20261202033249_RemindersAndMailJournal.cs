using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class RemindersAndMailJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retrying_since",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reminder_switches",
                columns: table => new
                {
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    switched_off_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    switched_off_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_switches", x => new { x.cohort_id, x.kind });
                    table.ForeignKey(
                        name: "fk_reminder_switches_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_created_at",
                table: "outbox_messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages",
                column: "sent_at",
                filter: "state = 'Sent' AND bodies_purged_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reminder_switches");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_created_at",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "retrying_since",
                table: "outbox_messages");
        }
    }
}
