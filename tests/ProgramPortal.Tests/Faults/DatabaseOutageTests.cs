using Npgsql;
using ProgramPortal.Data;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Faults;

/// <summary>What counts as the database being away (the form answers 503 and keeps what was typed) and what is a bug (500).</summary>
public class DatabaseOutageTests(PortalDatabase database) : IClassFixture<PortalDatabase>
{
    [Fact]
    public async Task A_command_on_a_transaction_npgsql_has_ended_is_an_outage_and_a_bad_statement_is_not()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // What a connection dropped mid-transaction leaves behind: Npgsql has ended the transaction,
        // and refuses the next command on it itself.
        var transaction = await connection.BeginTransactionAsync();
        await transaction.RollbackAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        var ended = Assert.Throws<InvalidOperationException>(() => command.Transaction = transaction);
        Assert.True(DatabaseOutage.IsCause(ended));

        await using var typo = new NpgsqlCommand("SELEC 1", connection);
        var bug = await Assert.ThrowsAsync<PostgresException>(() => typo.ExecuteNonQueryAsync());
        Assert.False(DatabaseOutage.IsCause(bug));
        Assert.False(DatabaseOutage.IsCause(new InvalidOperationException("Sequence contains no elements")));
    }
}
