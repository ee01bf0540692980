using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class CountsByStateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_state",
                table: "applications");

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_state_submitted_at",
                table: "applications",
                columns: new[] { "cohort_id", "state", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_cohort_id_state_submitted_at",
                table: "applications");

            migrationBuilder.CreateIndex(
                name: "ix_applications_cohort_id_state",
                table: "applications",
                columns: new[] { "cohort_id", "state" });
        }
    }
}
