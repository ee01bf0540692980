using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class SessionsAndAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attendance_threshold",
                table: "programs",
                type: "integer",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_coaches",
                columns: table => new
                {
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    coach_id = table.Column<string>(type: "text", nullable: false),
                    max_coachees = table.Column<int>(type: "integer", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_coaches", x => new { x.cohort_id, x.coach_id });
                    table.CheckConstraint("ck_cohort_coaches_capacity", "max_coachees BETWEEN 1 AND 50");
                    table.ForeignKey(
                        name: "fk_cohort_coaches_asp_net_users_coach_id",
                        column: x => x.coach_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cohort_coaches_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-FR-x-icu"),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    lead_id = table.Column<string>(type: "text", nullable: false),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    room = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_ends_after_start", "ends_at > starts_at");
                    table.CheckConstraint("ck_sessions_hours", "hours > 0");
                    table.ForeignKey(
                        name: "fk_sessions_asp_net_users_lead_id",
                        column: x => x.lead_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sessions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coach_pairings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    coach_id = table.Column<string>(type: "text", nullable: false),
                    participant_id = table.Column<string>(type: "text", nullable: false),
                    paired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paired_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coach_pairings", x => x.id);
                    table.ForeignKey(
                        name: "fk_coach_pairings_asp_net_users_participant_id",
                        column: x => x.participant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_coach_pairings_cohort_coaches_cohort_id_coach_id",
                        columns: x => new { x.cohort_id, x.coach_id },
                        principalTable: "cohort_coaches",
                        principalColumns: new[] { "cohort_id", "coach_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendances", x => x.id);
                    table.ForeignKey(
                        name: "fk_attendances_asp_net_users_participant_id",
                        column: x => x.participant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attendances_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coaching_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<string>(type: "text", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    topics = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    shared_summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    private_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coaching_logs", x => x.id);
                    table.CheckConstraint("ck_coaching_logs_duration", "duration_minutes BETWEEN 1 AND 480");
                    table.ForeignKey(
                        name: "fk_coaching_logs_asp_net_users_coach_id",
                        column: x => x.coach_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_coaching_logs_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_bookings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_bookings", x => x.id);
                    table.CheckConstraint("ck_session_bookings_person", "(role = 'Cohort') = (person_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_session_bookings_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_participants",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_participants", x => new { x.session_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_session_participants_asp_net_users_participant_id",
                        column: x => x.participant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_participants_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<string>(type: "text", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_ratings", x => x.id);
                    table.CheckConstraint("ck_session_ratings_score", "score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_session_ratings_asp_net_users_participant_id",
                        column: x => x.participant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_ratings_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    attendance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_user_id = table.Column<string>(type: "text", nullable: true),
                    by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_attendance_changes_attendances_attendance_id",
                        column: x => x.attendance_id,
                        principalTable: "attendances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_programs_attendance_threshold",
                table: "programs",
                sql: "attendance_threshold BETWEEN 0 AND 100");

            migrationBuilder.CreateIndex(
                name: "ix_attendance_changes_attendance_id_at",
                table: "attendance_changes",
                columns: new[] { "attendance_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_attendances_participant_id",
                table: "attendances",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_session_id_participant_id",
                table: "attendances",
                columns: new[] { "session_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coach_pairings_coach_id_cohort_id",
                table: "coach_pairings",
                columns: new[] { "coach_id", "cohort_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coach_pairings_cohort_id_coach_id",
                table: "coach_pairings",
                columns: new[] { "cohort_id", "coach_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coach_pairings_cohort_id_participant_id",
                table: "coach_pairings",
                columns: new[] { "cohort_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coach_pairings_participant_id",
                table: "coach_pairings",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_coaching_logs_coach_id",
                table: "coaching_logs",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_coaching_logs_session_id",
                table: "coaching_logs",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_coaches_coach_id",
                table: "cohort_coaches",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_bookings_cohort_id_starts_at",
                table: "session_bookings",
                columns: new[] { "cohort_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_session_bookings_person_id_starts_at",
                table: "session_bookings",
                columns: new[] { "person_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_session_bookings_session_id_role_person_id",
                table: "session_bookings",
                columns: new[] { "session_id", "role", "person_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_session_participants_participant_id",
                table: "session_participants",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_ratings_participant_id",
                table: "session_ratings",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_ratings_session_id_participant_id",
                table: "session_ratings",
                columns: new[] { "session_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_cohort_id_starts_at",
                table: "sessions",
                columns: new[] { "cohort_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_lead_id_starts_at",
                table: "sessions",
                columns: new[] { "lead_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_series_id",
                table: "sessions",
                column: "series_id");

            // Clashes, refused by the database itself (EF Core cannot describe these). A booking is one place a session
            // takes in someone's time (Session.Bookings); only active ones (of sessions not cancelled) count.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE session_bookings
                  -- One person (a lead, a coaching participant) in two overlapping sessions.
                  ADD CONSTRAINT ex_session_bookings_person EXCLUDE USING gist
                    (person_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
                    WHERE (active AND person_id IS NOT NULL),
                  -- Two overlapping sessions of the same cohort (every participant would be in both).
                  ADD CONSTRAINT ex_session_bookings_cohort EXCLUDE USING gist
                    (cohort_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
                    WHERE (active AND role = 'Cohort'),
                  -- A coaching participant during a session of their cohort: a 'Cohort' row against a 'Participant' row.
                  ADD CONSTRAINT ex_session_bookings_coaching_during_cohort EXCLUDE USING gist
                    (cohort_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&, role WITH <>)
                    WHERE (active AND role IN ('Cohort', 'Participant'));
                """);
            // A session (not cancelled) lies within its cohort's days, Paris time; and a cohort's dates never leave one out.
            migrationBuilder.Sql("""
                CREATE FUNCTION sessions_within_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.cancelled_at IS NULL AND NOT EXISTS (
                      SELECT 1 FROM cohorts c WHERE c.id = NEW.cohort_id
                        AND NEW.starts_at >= (c.starts_on::timestamp AT TIME ZONE 'Europe/Paris')
                        AND NEW.ends_at <= ((c.ends_on + 1)::timestamp AT TIME ZONE 'Europe/Paris')) THEN
                    RAISE EXCEPTION 'session % lies outside the dates of cohort %', NEW.id, NEW.cohort_id
                      USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_sessions_within_cohort';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER sessions_within_cohort BEFORE INSERT OR UPDATE OF starts_at, ends_at, cohort_id, cancelled_at ON sessions
                  FOR EACH ROW EXECUTE FUNCTION sessions_within_cohort();

                CREATE FUNCTION cohort_dates_hold_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (
                      SELECT 1 FROM sessions s WHERE s.cohort_id = NEW.id AND s.cancelled_at IS NULL
                        AND (s.starts_at < (NEW.starts_on::timestamp AT TIME ZONE 'Europe/Paris')
                          OR s.ends_at > ((NEW.ends_on + 1)::timestamp AT TIME ZONE 'Europe/Paris'))) THEN
                    RAISE EXCEPTION 'cohort % would leave sessions outside its dates', NEW.id
                      USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cohort_dates_hold_sessions';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER cohort_dates_hold_sessions BEFORE UPDATE OF starts_on, ends_on ON cohorts
                  FOR EACH ROW EXECUTE FUNCTION cohort_dates_hold_sessions();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS cohort_dates_hold_sessions ON cohorts;
                DROP FUNCTION IF EXISTS cohort_dates_hold_sessions();
                DROP TRIGGER IF EXISTS sessions_within_cohort ON sessions;
                DROP FUNCTION IF EXISTS sessions_within_cohort();
                """);
            migrationBuilder.DropTable(
                name: "attendance_changes");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "coach_pairings");

            migrationBuilder.DropTable(
                name: "coaching_logs");

            migrationBuilder.DropTable(
                name: "session_bookings");

            migrationBuilder.DropTable(
                name: "session_participants");

            migrationBuilder.DropTable(
                name: "session_ratings");

            migrationBuilder.DropTable(
                name: "attendances");

            migrationBuilder.DropTable(
                name: "cohort_coaches");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_programs_attendance_threshold",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "attendance_threshold",
                table: "programs");
        }
    }
}
