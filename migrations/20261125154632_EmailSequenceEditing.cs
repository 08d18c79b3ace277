using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramPortal.Migrations
{
    /// <inheritdoc />
    public partial class EmailSequenceEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "sequence_steps",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "email_templates",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "sequence_steps");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "email_templates");
        }
    }
}
