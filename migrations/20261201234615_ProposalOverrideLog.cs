using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class ProposalOverrideLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_proposal_overrides",
                table: "proposal_overrides");

            migrationBuilder.DropIndex(
                name: "ix_proposal_overrides_cohort_id",
                table: "proposal_overrides");

            migrationBuilder.AlterColumn<string>(
                name: "decision",
                table: "proposal_overrides",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "proposal_overrides",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "pk_proposal_overrides",
                table: "proposal_overrides",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_overrides_application_id_id",
                table: "proposal_overrides",
                columns: new[] { "application_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_overrides_cohort_id_id",
                table: "proposal_overrides",
                columns: new[] { "cohort_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_proposal_overrides",
                table: "proposal_overrides");

            migrationBuilder.DropIndex(
                name: "ix_proposal_overrides_application_id_id",
                table: "proposal_overrides");

            migrationBuilder.DropIndex(
                name: "ix_proposal_overrides_cohort_id_id",
                table: "proposal_overrides");

            migrationBuilder.DropColumn(
                name: "id",
                table: "proposal_overrides");

            migrationBuilder.AlterColumn<string>(
                name: "decision",
                table: "proposal_overrides",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_proposal_overrides",
                table: "proposal_overrides",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_overrides_cohort_id",
                table: "proposal_overrides",
                column: "cohort_id");
        }
    }
}
