using ProgramPortal.Bench;
using ProgramPortal.Bench.Figures;

// Prints one table: each of the portal's figures beside the limit this machine sets for it,
// measured in the same run. Exits non-zero only when the bench itself breaks, never on a target.
var settings = BenchSettings.FromEnvironment(args);
var databases = new BenchDatabase(settings);
var results = new ResultTable();

Console.Error.WriteLine("Migrating the bench's template database ...");
await databases.MigrateTemplateAsync();
if (settings.Runs(1))
{
    Console.Error.WriteLine("Figures 1 and 6: public pages against nginx, start-up and memory ...");
    await PublicPages.RunAsync(settings, databases, results);
}

if (settings.Runs(2))
{
    Console.Error.WriteLine("Figure 2: uncached render ...");
    await UncachedRender.RunAsync(settings, databases, results);
}

if (settings.Runs(3))
{
    Console.Error.WriteLine("Figure 3: lead submissions against plain inserts ...");
    await LeadSubmissions.RunAsync(settings, databases, results);
}

if (settings.Runs(4))
{
    Console.Error.WriteLine($"Figure 4: generating {settings.ExportRows:N0} leads, export against COPY ...");
    await Export.RunAsync(settings, databases, results);
}

if (settings.Runs(5))
{
    Console.Error.WriteLine("Figure 5: emails against a plain MailKit loop ...");
    await Emails.RunAsync(settings, databases, results);
}

results.Print(Console.Out);
