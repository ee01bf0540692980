using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class DraftsKeepWhatIsTyped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_candidate_id",
                table: "applications");

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "programs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "ministries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "cohorts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "unlisted_administration",
                table: "applications",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "administrations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                collation: "fr-FR-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_candidate_id",
                table: "applications",
                columns: new[] { "cohort_id", "candidate_id" },
                unique: true,
                filter: "state <> 'Withdrawn'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_candidate_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "unlisted_administration",
                table: "applications");

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "programs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "ministries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "cohorts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "administrations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldCollation: "fr-FR-x-icu");

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_candidate_id",
                table: "applications",
                columns: new[] { "cohort_id", "candidate_id" },
                unique: true);
        }
    }
}
