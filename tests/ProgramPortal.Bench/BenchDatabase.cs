using Npgsql;

namespace ProgramPortal.Bench;

/// <summary>
/// The bench's databases on the throwaway cluster: one migrated template (the app's own `migrate`
/// step), and a fresh copy of it per figure, so no figure sees another's rows.
/// </summary>
public sealed class BenchDatabase(BenchSettings settings)
{
    private const string Template = "bench_template";

    public async Task MigrateTemplateAsync()
    {
        await ExecuteAsync(settings.Postgres, $"DROP DATABASE IF EXISTS {Template}", $"CREATE DATABASE {Template}");
        await AppProcess.RunVerbAsync(settings, ConnectionString(Template), null, "migrate");
        // Counts the statements a page sends (figure 2), in every database; the cluster preloads the module.
        await ExecuteAsync(settings.Postgres, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /// <summary>A fresh copy of the migrated template; returns its connection string.</summary>
    public async Task<string> CreateAsync(string name)
    {
        await ExecuteAsync(settings.Postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            $"CREATE DATABASE {name} TEMPLATE {Template}");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = database, MaxPoolSize = 200 }.ConnectionString;

    /// <summary>Statements that database has run since <see cref="ResetStatementsAsync"/>, other than connection resets.</summary>
    public async Task<long> StatementsSinceResetAsync(string database)
    {
        await using var connection = new NpgsqlConnection(settings.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1 AND s.query NOT ILIKE 'DISCARD%'
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task ResetStatementsAsync() => ExecuteAsync(settings.Postgres, "SELECT pg_stat_statements_reset()");

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
