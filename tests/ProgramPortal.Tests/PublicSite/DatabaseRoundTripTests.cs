using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>The app with every database command it sends recorded against the request that sent it.</summary>
public class CommandCountingPortalApp : PortalApp
{
    public CommandLog Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(Commands);
            services.ConfigureDbContext<PortalDbContext>((provider, options) =>
                options.AddInterceptors(new CountingInterceptor(Commands, provider.GetRequiredService<IHttpContextAccessor>())));
        });
    }

    public sealed class CommandLog
    {
        private readonly ConcurrentDictionary<string, int> _byRequest = new();

        public void Record(string request) => _byRequest.AddOrUpdate(request, 1, (_, count) => count + 1);

        public int For(string request) => _byRequest.GetValueOrDefault(request);

        public void Clear() => _byRequest.Clear();
    }

    private sealed class CountingInterceptor(CommandLog log, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Record();
            return base.ReaderExecuting(command, eventData, result);
        }

        private void Record()
        {
            if (http.HttpContext?.Request is { } request)
            {
                log.Record(request.Path + request.QueryString);
            }
        }
    }
}

public class DatabaseRoundTripTests(CommandCountingPortalApp app) : IClassFixture<CommandCountingPortalApp>
{
    public static TheoryData<string> Pages => new([.. PublicPaths.All, "/careers?track=IT&level=Senior"]);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Rendering_a_page_takes_at_most_two_database_round_trips(string path)
    {
        // A cached page costs nothing; the budget is for a page rendered afresh.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.Tag, default);
        app.Commands.Clear();

        await app.GetPageAsync(path);

        Assert.InRange(app.Commands.For(path), 1, 2);
    }

    [Fact]
    public async Task A_cached_page_costs_no_round_trip()
    {
        await app.GetPageAsync("/compare");
        app.Commands.Clear();

        await app.GetPageAsync("/compare");

        Assert.Equal(0, app.Commands.For("/compare"));
    }
}
