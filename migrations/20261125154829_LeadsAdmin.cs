using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProgramPortal.Migrations
{
    /// <inheritdoc />
    public partial class LeadsAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "leads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "utm_source",
                table: "leads",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Existing leads take the source of their first inquiry, as new ones do at intake.
            migrationBuilder.Sql("""
                UPDATE leads SET utm_source = first.utm_source
                FROM (SELECT DISTINCT ON (lead_id) lead_id, utm_source FROM inquiries
                      WHERE lead_id IS NOT NULL ORDER BY lead_id, submitted_at, id) AS first
                WHERE first.lead_id = leads.id AND first.utm_source IS NOT NULL
                """);

            migrationBuilder.CreateTable(
                name: "lead_erasures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lead_id = table.Column<int>(type: "integer", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    erased_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_erasures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lead_exports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    filter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    filter_description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_exports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lead_notes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lead_id = table.Column<int>(type: "integer", nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_notes_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leads_country_code",
                table: "leads",
                column: "country_code");

            migrationBuilder.CreateIndex(
                name: "ix_leads_created_at_id",
                table: "leads",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_email",
                table: "leads",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_first_name",
                table: "leads",
                column: "first_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_last_inquiry_at_id",
                table: "leads",
                columns: new[] { "last_inquiry_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_last_name",
                table: "leads",
                column: "last_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_last_name_first_name_id",
                table: "leads",
                columns: new[] { "last_name", "first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_utm_source",
                table: "leads",
                column: "utm_source");

            migrationBuilder.CreateIndex(
                name: "ix_lead_erasures_erased_at",
                table: "lead_erasures",
                column: "erased_at");

            migrationBuilder.CreateIndex(
                name: "ix_lead_erasures_lead_id",
                table: "lead_erasures",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_exports_started_at",
                table: "lead_exports",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_lead_notes_lead_id_written_at",
                table: "lead_notes",
                columns: new[] { "lead_id", "written_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lead_erasures");

            migrationBuilder.DropTable(
                name: "lead_exports");

            migrationBuilder.DropTable(
                name: "lead_notes");

            migrationBuilder.DropIndex(
                name: "ix_leads_country_code",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_created_at_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_email",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_first_name",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_last_inquiry_at_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_last_name",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_last_name_first_name_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_utm_source",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "utm_source",
                table: "leads");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
