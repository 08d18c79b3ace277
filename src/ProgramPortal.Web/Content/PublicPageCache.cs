using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Content;

/// <summary>Marks an entity whose values appear on public pages: saving one evicts the cached pages.</summary>
public interface IPublicContent;

public static class PublicPageCache
{
    /// <summary>The output-cache policy public pages use; every entry it stores carries <see cref="Tag"/>.</summary>
    public const string Policy = "PublicPage";
    public const string Tag = "public-content";

    /// <summary>The PostgreSQL notification channel on which a save of public content tells every instance to evict.</summary>
    public const string Channel = "public_content_changed";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicPageCacheOptions>()
            .Bind(configuration.GetSection(PublicPageCacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PublicPageCacheOptions>>((output, cache) =>
            output.AddPolicy(Policy, page =>
            {
                if (cache.Value.Enabled)
                {
                    page.Expire(cache.Value.Duration).Tag(Tag);
                }
                else
                {
                    page.NoCache();
                }
            }));
        services.AddSingleton<PublicContentCacheEvictor>();
        services.AddHostedService<PublicContentChangeListener>();
        return services;
    }
}

/// <summary>How long public pages stay in the output cache (section "PublicPageCache").</summary>
public sealed class PublicPageCacheOptions
{
    public const string Section = "PublicPageCache";

    /// <summary>Off renders every request afresh: for measuring render cost (deploy/bench.sh), not for serving.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An upper bound only: any save of public content evicts the pages at once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Evicts the cached public pages after any save that touched public content, so an edit is
/// visible at once whichever page or job made it, and notifies <see cref="PublicPageCache.Channel"/>
/// so every other instance evicts too (<see cref="PublicContentChangeListener"/>). Bulk
/// ExecuteUpdate/ExecuteDelete bypass interceptors: do both after those yourself.
/// </summary>
public sealed class PublicContentCacheEvictor(IOutputCacheStore store) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _contextsWithContentChanges = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TouchesPublicContent(context))
        {
            _contextsWithContentChanges.AddOrUpdate(context, context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _contextsWithContentChanges.Remove(context))
        {
            await store.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
            // Inside the caller's transaction, if there is one: PostgreSQL delivers it on commit only.
            await context.Database.ExecuteSqlRawAsync($"NOTIFY {PublicPageCache.Channel}", cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } context && TouchesPublicContent(context)
            ? throw new InvalidOperationException("Save content with SaveChangesAsync, so public pages can be evicted from the cache.")
            : result;

    // Many-to-many join rows (such as a role's sources) are shared-type entities with no class of their own.
    private static bool TouchesPublicContent(DbContext context) =>
        context.ChangeTracker.Entries().Any(entry =>
            entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (entry.Entity is IPublicContent || entry.Metadata.HasSharedClrType));
}
