using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class ListsSearchAndIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_applications_cohort_id_state",
                table: "applications",
                columns: new[] { "cohort_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_submitted_at",
                table: "applications",
                columns: new[] { "cohort_id", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_applications_cohort_id_state",
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
        }
    }
}
