using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class Selection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<string>(
                name: "attachment_file_name",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "offer_expires_at",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "waitlist_rank",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assignment_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<string>(type: "text", nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    automatic = table.Column<bool>(type: "boolean", nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignment_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_assignment_changes_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committee_members",
                columns: table => new
                {
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    reviewer_id = table.Column<string>(type: "text", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_members", x => new { x.cohort_id, x.reviewer_id });
                    table.ForeignKey(
                        name: "fk_committee_members_asp_net_users_reviewer_id",
                        column: x => x.reviewer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_committee_members_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conflicts_of_interest",
                columns: table => new
                {
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<string>(type: "text", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflicts_of_interest", x => new { x.application_id, x.reviewer_id });
                    table.ForeignKey(
                        name: "fk_conflicts_of_interest_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conflicts_of_interest_asp_net_users_reviewer_id",
                        column: x => x.reviewer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrollments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrollments_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrollments_asp_net_users_participant_id",
                        column: x => x.participant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrollments_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interviews",
                columns: table => new
                {
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    panel_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scored_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interviews", x => x.application_id);
                    table.CheckConstraint("ck_interviews_duration", "duration_minutes BETWEEN 10 AND 240");
                    table.ForeignKey(
                        name: "fk_interviews_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_interviews_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_overrides",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_overrides", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_overrides_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_proposal_overrides_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<string>(type: "text", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_assignments_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_assignments_asp_net_users_reviewer_id",
                        column: x => x.reviewer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_assignments_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rubrics",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    scale_max = table.Column<int>(type: "integer", nullable: false),
                    interview_share = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rubrics", x => x.id);
                    table.CheckConstraint("ck_rubrics_interview_share", "interview_share BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_rubrics_scale", "scale_max BETWEEN 2 AND 10");
                    table.ForeignKey(
                        name: "fk_rubrics_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enrollment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    actor_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollment_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrollment_transitions_enrollments_enrollment_id",
                        column: x => x.enrollment_id,
                        principalTable: "enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<string>(type: "text", nullable: false),
                    rubric_id = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    weighted_mean = table.Column<double>(type: "double precision", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_reviews_review_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "review_assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reviews_rubrics_rubric_id",
                        column: x => x.rubric_id,
                        principalTable: "rubrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rubric_criteria",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rubric_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    guidance = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rubric_criteria", x => x.id);
                    table.CheckConstraint("ck_rubric_criteria_weight", "weight BETWEEN 1 AND 10");
                    table.ForeignKey(
                        name: "fk_rubric_criteria_rubrics_rubric_id",
                        column: x => x.rubric_id,
                        principalTable: "rubrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "selection_settings",
                columns: table => new
                {
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    reviewers_per_application = table.Column<int>(type: "integer", nullable: false),
                    review_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disagreement_threshold = table.Column<double>(type: "double precision", nullable: false),
                    max_per_administration = table.Column<int>(type: "integer", nullable: true),
                    max_per_ministry = table.Column<int>(type: "integer", nullable: true),
                    minimum_share_a = table.Column<int>(type: "integer", nullable: true),
                    minimum_share_b = table.Column<int>(type: "integer", nullable: true),
                    minimum_share_c = table.Column<int>(type: "integer", nullable: true),
                    waitlist_length = table.Column<int>(type: "integer", nullable: true),
                    offer_days = table.Column<int>(type: "integer", nullable: false),
                    rubric_id = table.Column<int>(type: "integer", nullable: true),
                    scoring_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decisions_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selection_settings", x => x.cohort_id);
                    table.CheckConstraint("ck_selection_settings_offer_days", "offer_days BETWEEN 1 AND 60");
                    table.CheckConstraint("ck_selection_settings_reviewers", "reviewers_per_application BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_selection_settings_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_selection_settings_rubrics_rubric_id",
                        column: x => x.rubric_id,
                        principalTable: "rubrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_offer_expires_at",
                table: "applications",
                column: "offer_expires_at",
                filter: "state = 'Admitted'");

            migrationBuilder.CreateIndex(
                name: "ix_assignment_changes_application_id_at",
                table: "assignment_changes",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_changes_cohort_id_at",
                table: "assignment_changes",
                columns: new[] { "cohort_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_members_reviewer_id",
                table: "committee_members",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflicts_of_interest_cohort_id",
                table: "conflicts_of_interest",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflicts_of_interest_reviewer_id",
                table: "conflicts_of_interest",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrollment_transitions_enrollment_id_at",
                table: "enrollment_transitions",
                columns: new[] { "enrollment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_application_id",
                table: "enrollments",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_cohort_id_state",
                table: "enrollments",
                columns: new[] { "cohort_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_participant_id",
                table: "enrollments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_interviews_cohort_id",
                table: "interviews",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_overrides_application_id_id",
                table: "proposal_overrides",
                columns: new[] { "application_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_overrides_cohort_id_id",
                table: "proposal_overrides",
                columns: new[] { "cohort_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_application_id_reviewer_id",
                table: "review_assignments",
                columns: new[] { "application_id", "reviewer_id" },
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_cohort_id",
                table: "review_assignments",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_reviewer_id_cohort_id",
                table: "review_assignments",
                columns: new[] { "reviewer_id", "cohort_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reviews_assignment_id",
                table: "reviews",
                column: "assignment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reviews_cohort_id_application_id",
                table: "reviews",
                columns: new[] { "cohort_id", "application_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reviews_rubric_id",
                table: "reviews",
                column: "rubric_id");

            migrationBuilder.CreateIndex(
                name: "ix_rubric_criteria_rubric_id_position",
                table: "rubric_criteria",
                columns: new[] { "rubric_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rubrics_program_id_version",
                table: "rubrics",
                columns: new[] { "program_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_selection_settings_rubric_id",
                table: "selection_settings",
                column: "rubric_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_changes");

            migrationBuilder.DropTable(
                name: "committee_members");

            migrationBuilder.DropTable(
                name: "conflicts_of_interest");

            migrationBuilder.DropTable(
                name: "enrollment_transitions");

            migrationBuilder.DropTable(
                name: "interviews");

            migrationBuilder.DropTable(
                name: "proposal_overrides");

            migrationBuilder.DropTable(
                name: "reviews");

            migrationBuilder.DropTable(
                name: "rubric_criteria");

            migrationBuilder.DropTable(
                name: "selection_settings");

            migrationBuilder.DropTable(
                name: "enrollments");

            migrationBuilder.DropTable(
                name: "review_assignments");

            migrationBuilder.DropTable(
                name: "rubrics");

            migrationBuilder.DropIndex(
                name: "ix_applications_offer_expires_at",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "attachment_content",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_content_type",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_file_name",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "offer_expires_at",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "waitlist_rank",
                table: "applications");
        }
    }
}
