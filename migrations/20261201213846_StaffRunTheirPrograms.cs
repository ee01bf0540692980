using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class StaffRunTheirPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "administration_id",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            // The programs that exist need an expertise of the list: the first one; staff change it on the program's page.
            migrationBuilder.AddColumn<string>(
                name: "expertise",
                table: "programs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "AgilityAndProduct");

            migrationBuilder.AddColumn<string>(
                name: "selection_description",
                table: "programs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "format",
                table: "cohorts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "place",
                table: "cohorts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // The cohorts that exist were all shown in the catalogue: they stay published; new ones start unpublished.
            migrationBuilder.AddColumn<bool>(
                name: "published",
                table: "cohorts",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "users",
                type: "character varying(559)",
                maxLength: 559,
                nullable: true,
                computedColumnSql: "translate(lower(first_name || ' ' || last_name || ' ' || first_name || ' ' || coalesce(email, '')), 'àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįñńňòóôõöøōőùúûüũūůűųýÿžźżšśł', 'aaaaaaaaacccdeeeeeeeeeiiiiiiinnnoooooooouuuuuuuuuyyzzzssl')",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "applications",
                type: "character varying(302)",
                maxLength: 302,
                nullable: true,
                computedColumnSql: "translate(lower(first_name || ' ' || last_name || ' ' || first_name), 'àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįñńňòóôõöøōőùúûüũūůűųýÿžźżšśł', 'aaaaaaaaacccdeeeeeeeeeiiiiiiinnnoooooooouuuuuuuuuyyzzzssl')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "account_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    to = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_actions_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_account_actions_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "cohort_deadline_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_deadline_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_deadline_changes_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "program_managers",
                columns: table => new
                {
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_program_managers", x => new { x.program_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_program_managers_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_program_managers_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_administration_id",
                table: "users",
                column: "administration_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_last_name_first_name_id",
                table: "users",
                columns: new[] { "last_name", "first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_administration_id",
                table: "applications",
                columns: new[] { "cohort_id", "administration_id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_last_name_first_name_id",
                table: "applications",
                columns: new[] { "cohort_id", "last_name", "first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_state_submitted_at",
                table: "applications",
                columns: new[] { "cohort_id", "state", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_submitted_at",
                table: "applications",
                columns: new[] { "cohort_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_account_actions_account_id_at",
                table: "account_actions",
                columns: new[] { "account_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_account_actions_actor_id",
                table: "account_actions",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_deadline_changes_cohort_id",
                table: "cohort_deadline_changes",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_program_managers_user_id",
                table: "program_managers",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_users_administrations_administration_id",
                table: "users",
                column: "administration_id",
                principalTable: "administrations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_users_administrations_administration_id",
                table: "users");

            migrationBuilder.DropTable(
                name: "account_actions");

            migrationBuilder.DropTable(
                name: "cohort_deadline_changes");

            migrationBuilder.DropTable(
                name: "program_managers");

            migrationBuilder.DropIndex(
                name: "ix_users_administration_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_last_name_first_name_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_administration_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_last_name_first_name_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_state_submitted_at",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_submitted_at",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "users");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "administration_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "expertise",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "selection_description",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "format",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "place",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "published",
                table: "cohorts");
        }
    }
}
