using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramPortal.Migrations
{
    /// <inheritdoc />
    public partial class StaffLastTwoFactorStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_two_factor_step",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_two_factor_step",
                table: "AspNetUsers");
        }
    }
}
