using Npgsql;

namespace ProgramPortal.Data;

/// <summary>Tells an unreachable or restarting database apart from a bug, so a page can ask the person to try again.</summary>
public static class DatabaseOutage
{
    public static bool IsCause(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P: the server is shutting down, restarting or not accepting connections yet.
                case PostgresException postgres when postgres.SqlState.StartsWith("08") || postgres.SqlState.StartsWith("57P"):
                    return true;
                case PostgresException:
                    return false;
                // Npgsql's own exceptions (no server error) are connection failures: refused, reset, timed out.
                case NpgsqlException:
                    return true;
                // When the server drops a connection in the middle of a transaction, Npgsql marks the
                // transaction completed, and the next command fails with "Transaction is already
                // completed" rather than a connection error (seen in Faults/DatabaseRestartTests under
                // load). Npgsql throws this type only for such state; a misuse would show in every test.
                case InvalidOperationException { Source: "Npgsql" }:
                    return true;
            }
        }

        return false;
    }
}
