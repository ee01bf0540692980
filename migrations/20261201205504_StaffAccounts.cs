using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohorts.Migrations
{
    /// <inheritdoc />
    public partial class StaffAccounts : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_users_administration_id",
                table: "users",
                column: "administration_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_actions_account_id_at",
                table: "account_actions",
                columns: new[] { "account_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_account_actions_actor_id",
                table: "account_actions",
                column: "actor_id");

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

            migrationBuilder.DropIndex(
                name: "ix_users_administration_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "administration_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "users");
        }
    }
}
