using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramPortal.Migrations
{
    /// <summary>
    /// A null step marks the email asking an unsubscribed address to confirm it wants emails again.
    /// Seeded subjects that still read as seeded lose what the person typed (their name), which
    /// subjects no longer carry; subjects staff rewrote are left to them (the composer leaves such
    /// placeholders out and the editor asks for new wording).
    /// </summary>
    public partial class ResubscribeByConfirmationAndTextOnlySubjects : Migration
    {
        private static readonly (string Seeded, string Now)[] Subjects =
        [
            ("We received your MS-ITL request, {{first_name}}", "We received your MS-ITL request"),
            ("New MS-ITL inquiry: {{full_name}} ({{track}}, {{start_term}})", "New MS-ITL inquiry, lead {{lead_id}} ({{track}}, {{start_term}})"),
            ("{{first_name}}, where Information Systems leadership can take you", "Where Information Systems leadership can take you"),
            ("{{first_name}}, where IT leadership can take you", "Where IT leadership can take you"),
            ("{{first_name}}, IS or IT: how to choose", "IS or IT: how to choose"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (seeded, now) in Subjects)
            {
                migrationBuilder.Sql($"UPDATE email_templates SET subject = '{now}' WHERE subject = '{seeded}'");
            }

            migrationBuilder.AlterColumn<int>(
                name: "step_id",
                table: "lead_emails",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (seeded, now) in Subjects)
            {
                migrationBuilder.Sql($"UPDATE email_templates SET subject = '{seeded}' WHERE subject = '{now}'");
            }

            migrationBuilder.Sql("DELETE FROM lead_emails WHERE step_id IS NULL");
            migrationBuilder.AlterColumn<int>(
                name: "step_id",
                table: "lead_emails",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
