using System.Reflection;
using System.Text.Json.Nodes;
using Npgsql;
using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml and deploy/Dockerfile are checked as files:
/// what they start, in which order, and that every setting they pass is one the app really reads.
/// </summary>
public class ComposeAndDockerfileTests
{
    private static readonly string AppAssembly = typeof(Program).Assembly.GetName().Name + ".dll";

    // Every options class the app binds, by its configuration section.
    private static readonly Dictionary<string, Type> OptionsBySection = new(StringComparer.OrdinalIgnoreCase)
    {
        [MailOptions.Section] = typeof(MailOptions),
        [HttpsOptions.Section] = typeof(HttpsOptions),
        [ReverseProxyOptions.Section] = typeof(ReverseProxyOptions),
        [ShutdownOptions.Section] = typeof(ShutdownOptions),
        [SiteOptions.Section] = typeof(SiteOptions),
        [KeyRingOptions.Section] = typeof(KeyRingOptions),
    };

    // Read by name rather than through an options class (FirstAdmin, the host).
    private static readonly string[] PlainVariables = ["PORTAL_ADMIN_EMAIL", "PORTAL_ADMIN_PASSWORD", "ASPNETCORE_ENVIRONMENT"];

    private readonly ComposeFile _compose = RepositoryFiles.Compose();
    private readonly ComposeFile _production = RepositoryFiles.ProductionCompose();
    private readonly Dockerfile _dockerfile = RepositoryFiles.Dockerfile();

    [Fact]
    public void One_compose_file_brings_up_the_database_the_migrate_step_the_portal_and_a_mail_catcher()
    {
        Assert.Equal(["mailpit", "migrate", "portal", "postgres"], _compose.ServiceNames.Order());
    }

    [Fact]
    public void Postgres_keeps_its_data_in_a_named_volume_and_reports_when_it_is_ready()
    {
        var postgres = _compose.Service("postgres");

        Assert.True(postgres.HasHealthcheck);
        var volume = Assert.Single(postgres.Volumes);
        Assert.Equal("/var/lib/postgresql/data", volume.Split(':')[1]);
        Assert.Contains(volume.Split(':')[0], _compose.VolumeNames);
    }

    [Fact]
    public void The_portal_starts_only_after_the_migrate_step_has_finished_against_a_ready_database()
    {
        var migrate = _compose.Service("migrate");
        var portal = _compose.Service("portal");

        Assert.Equal([CommandLineVerbs.Migrate], migrate.Command);
        Assert.Equal("service_healthy", migrate.DependsOn["postgres"]);
        Assert.Equal("no", migrate.Restart);
        Assert.Equal("service_completed_successfully", portal.DependsOn["migrate"]);
        Assert.Equal("service_healthy", portal.DependsOn["postgres"]);
        Assert.Empty(portal.Command);

        // One image serves both, so the schema migrate applies is the one the portal expects.
        Assert.NotNull(portal.Build);
        Assert.Equal(portal.Image, migrate.Image);
        Assert.Equal(portal.Build, migrate.Build);
        Assert.Equal("deploy/Dockerfile", portal.Build["dockerfile"]);
    }

    [Theory]
    [InlineData("migrate", false)]
    [InlineData("portal", false)]
    [InlineData("migrate", true)]
    [InlineData("portal", true)]
    public void Every_setting_passed_to_the_app_is_one_it_reads(string service, bool production)
    {
        foreach (var name in (production ? _production : _compose).Service(service).Environment.Keys)
        {
            var parts = name.Split("__");
            if (parts is ["ConnectionStrings", var connection])
            {
                Assert.Equal(DataExtensions.ConnectionStringName, connection);
                continue;
            }

            if (parts.Length == 1)
            {
                Assert.Contains(name, PlainVariables);
                continue;
            }

            Assert.True(OptionsBySection.TryGetValue(parts[0], out var options), $"{service}: no options class reads {name}");
            Assert.True(options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true },
                $"{service}: {options.Name} has no setting {parts[1]} for {name}");
        }
    }

    [Fact]
    public void Both_app_services_reach_the_compose_database_with_its_own_name_user_and_password()
    {
        var postgres = _compose.Service("postgres").Environment;
        foreach (var service in new[] { "migrate", "portal" })
        {
            var connection = new NpgsqlConnectionStringBuilder(
                _compose.Service(service).Environment["ConnectionStrings__Portal"]);

            Assert.Equal("postgres", connection.Host);
            Assert.Equal(postgres["POSTGRES_DB"], connection.Database);
            Assert.Equal(postgres["POSTGRES_USER"], connection.Username);
            Assert.Equal(postgres["POSTGRES_PASSWORD"], connection.Password);
        }
    }

    [Fact]
    public void The_portal_sends_mail_to_mailpit_whose_inbox_is_published()
    {
        var portal = _compose.Service("portal").Environment;
        var mailpit = _compose.Service("mailpit");

        Assert.Equal(mailpit.Name, portal["Mail__SmtpHost"]);
        Assert.Equal(mailpit.Environment["MP_SMTP_BIND_ADDR"].Split(':')[^1], portal["Mail__SmtpPort"]);
        Assert.Equal([int.Parse(mailpit.Environment["MP_UI_BIND_ADDR"].Split(':')[^1])], mailpit.ContainerPorts);
    }

    [Fact]
    public void The_published_portal_port_is_the_one_the_image_listens_on()
    {
        var runtime = _dockerfile.Final;
        var listening = int.Parse(runtime.Environment["ASPNETCORE_HTTP_PORTS"]);

        Assert.Equal(listening.ToString(), Assert.Single(runtime.All("EXPOSE")));
        Assert.Equal([listening], _compose.Service("portal").ContainerPorts);
        Assert.DoesNotContain("ASPNETCORE_HTTP_PORTS", _compose.Service("portal").Environment.Keys);
    }

    [Fact]
    public void Docker_gives_a_stopping_portal_longer_than_the_portal_gives_its_running_work()
    {
        var portal = _compose.Service("portal");
        var drain = int.Parse(portal.Environment["Shutdown__TimeoutSeconds"]);
        var grace = portal.StopGracePeriod ?? "10s"; // Docker's default

        Assert.EndsWith("s", grace);
        Assert.True(int.Parse(grace[..^1]) > drain, $"stop_grace_period {grace} must exceed Shutdown__TimeoutSeconds {drain}");
    }

    [Fact]
    public void In_production_secrets_are_required_https_is_on_the_portal_is_reached_only_locally_and_mailpit_stays_off()
    {
        var required = new[]
        {
            _production.Service("postgres").Environment["POSTGRES_PASSWORD"],
            _production.Service("migrate").Environment["PORTAL_ADMIN_PASSWORD"],
            _production.Service("portal").Environment["ConnectionStrings__Portal"],
            _production.Service("portal").Environment["Mail__SmtpHost"],
            _production.Service("portal").Environment["Site__PublicBaseUrl"],
            _production.Service("migrate").Environment["DataProtection__CertificatePassword"],
            _production.Service("portal").Environment["DataProtection__CertificatePassword"],
        };
        Assert.All(required, value => Assert.Matches(@"\$\{\w+:\?", value));

        var portal = _production.Service("portal");
        Assert.Equal("true", portal.Environment["Https__RedirectToHttps"]);
        Assert.Equal("true", portal.Environment["Https__UseHsts"]);
        Assert.NotEmpty(portal.Environment["ReverseProxy__KnownNetworks__0"]);
        Assert.All(portal.Ports, port => Assert.StartsWith("127.0.0.1:", port));
        Assert.Equal(_compose.Service("portal").ContainerPorts, portal.ContainerPorts);

        Assert.Equal(["dev"], _production.Service("mailpit").Profiles);
        Assert.DoesNotContain("mailpit", _compose.Service("portal").DependsOn.Keys);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("portal")]
    public void In_production_the_app_runs_as_production_whatever_the_local_file_says(string service)
    {
        // The override's environment is merged over the local file's, which says Development.
        Assert.Equal("Production", _production.Service(service).Environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void On_a_developer_machine_every_published_port_answers_on_that_machine_alone()
    {
        var published = _compose.ServiceNames.Select(_compose.Service).Where(service => service.Ports.Count > 0).ToList();

        Assert.Equal(["mailpit", "portal"], published.Select(service => service.Name).Order());
        Assert.All(published, service => Assert.All(service.HostAddresses,
            address => Assert.True(address == "127.0.0.1", $"{service.Name} is published on {address}, not only on 127.0.0.1")));
    }

    [Fact]
    public void The_local_files_admin_password_and_plain_http_address_work_only_because_it_runs_as_development()
    {
        var migrate = _compose.Service("migrate").Environment;
        var portal = _compose.Service("portal").Environment;

        Assert.Equal(DevelopmentOnlyPassword.Published, ComposeFile.WithDefaults(migrate["PORTAL_ADMIN_PASSWORD"]));
        Assert.Equal("Development", migrate["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", portal["ASPNETCORE_ENVIRONMENT"]);
        Assert.StartsWith("http://localhost:", ComposeFile.WithDefaults(portal["Site__PublicBaseUrl"]));
    }

    [Fact]
    public void The_image_is_built_in_stages_and_runs_the_app_as_a_non_root_user_with_a_health_check()
    {
        Assert.True(_dockerfile.Stages.Count >= 2);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", _dockerfile.Stages[0].Image);
        var runtime = _dockerfile.Final;
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtime.Image);
        Assert.Contains(runtime.All("COPY"), copy => copy.StartsWith($"--from={_dockerfile.Stages[0].Name} "));

        // $APP_UID is the unprivileged `app` user (1654) that .NET's images define.
        var user = Assert.Single(runtime.All("USER"));
        Assert.True(user == "$APP_UID" || int.TryParse(user, out var uid) && uid > 0, $"USER {user} is not a known non-root user");

        Assert.Equal($"""["dotnet", "{AppAssembly}"]""", Assert.Single(runtime.All("ENTRYPOINT")));
        var healthcheck = Assert.Single(runtime.All("HEALTHCHECK"));
        Assert.EndsWith($"""CMD ["dotnet", "{AppAssembly}", "{CommandLineVerbs.HealthCheck}"]""", healthcheck);
    }

    [Fact]
    public void No_secret_is_baked_into_the_image_or_the_settings_files()
    {
        foreach (var stage in _dockerfile.Stages)
        {
            Assert.DoesNotContain(stage.Environment.Keys, IsSecretName);
            Assert.DoesNotContain(stage.All("ARG"), IsSecretName);
        }

        var webProject = RepositoryFiles.PathOf("src/ProgramPortal.Web");
        var settingsFiles = Directory.GetFiles(webProject, "appsettings*.json");
        Assert.NotEmpty(settingsFiles);
        foreach (var file in settingsFiles)
        {
            var leaves = Leaves(JsonNode.Parse(File.ReadAllText(file))!, "").ToList();
            Assert.DoesNotContain(leaves, leaf => IsSecretName(leaf.Path));
        }
    }

    private static bool IsSecretName(string name) =>
        name.Contains("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Secret", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string Path, string? Value)> Leaves(JsonNode node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(property => Leaves(property.Value!, $"{path}:{property.Key}")),
        _ => [(path, node.ToString())],
    };
}
