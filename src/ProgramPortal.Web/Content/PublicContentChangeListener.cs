using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using ProgramPortal.Data;

namespace ProgramPortal.Content;

/// <summary>
/// Listens on <see cref="PublicPageCache.Channel"/> and evicts this instance's cached public pages
/// whenever another instance saves public content; without it, an edit made on one instance showed on
/// the others only when their cached copy expired (an hour by default). After any break in listening
/// (start-up, a database restart) it evicts once, since a notification may have been missed.
/// </summary>
public sealed class PublicContentChangeListener(
    IConfiguration configuration,
    IOutputCacheStore store,
    ILogger<PublicContentChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(
            configuration.GetConnectionString(DataExtensions.ConnectionStringName))
        {
            // A database that vanished without closing the connection would otherwise leave the wait hanging.
            KeepAlive = 30,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PublicPageCache.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (true)
                {
                    await store.EvictByTagAsync(PublicPageCache.Tag, stoppingToken);
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never fatal to the host: without notices, cached pages still expire on their own.
                logger.LogWarning(e, "Not listening for content changes; trying again in {Delay}", RetryDelay);
                try
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
