using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProgramPortal.Identity;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The portal with a clock the test moves (authenticator codes change every 30 seconds) and with
/// counters on the checks sign-in makes: every password hashed and every authenticator code checked.
/// </summary>
public sealed class SignInPortalApp : PortalApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    public CountingPasswordHasher Hasher { get; } = new();
    public CodeChecks CodeChecks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher);
            services.AddSingleton(CodeChecks);
            services.AddTransient<CountedAuthenticatorCodes>();
            services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap[AuthenticatorCodes.ProviderName] =
                new TokenProviderDescriptor(typeof(CountedAuthenticatorCodes)));
        });
    }

    /// <summary>The code the staff member's authenticator app shows at the portal's current time.</summary>
    public string CodeFor(string base32Key) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Moves the clock to the start of the next 30-second step, where the app shows a new code.</summary>
    public void NextCode() => Clock.Advance(TimeSpan.FromSeconds(30 - Clock.GetUtcNow().ToUnixTimeSeconds() % 30));
}

/// <summary>The app's own hasher, counting the passwords it checks and able to hold checks until the test lets them go.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> _real = new();
    private readonly List<string> _checkedHashes = [];
    private (string Hash, ManualResetEventSlim Gate)? _held;

    public string HashPassword(StaffUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        lock (_checkedHashes)
        {
            _checkedHashes.Add(hashedPassword);
        }

        if (_held is { } held && held.Hash == hashedPassword)
        {
            held.Gate.Wait(TimeSpan.FromSeconds(60));
        }

        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>Every password check so far, against a real account's hash or a stand-in.</summary>
    public int Checks
    {
        get
        {
            lock (_checkedHashes)
            {
                return _checkedHashes.Count;
            }
        }
    }

    /// <summary>Checks made against this hash: the passwords tried on one account.</summary>
    public int ChecksOf(string hash)
    {
        lock (_checkedHashes)
        {
            return _checkedHashes.Count(h => h == hash);
        }
    }

    /// <summary>Checks against this hash wait inside the hasher until the returned handle is disposed.</summary>
    public IDisposable Hold(string hash)
    {
        var gate = new ManualResetEventSlim(initialState: false);
        _held = (hash, gate);
        return new Release(this, gate);
    }

    private sealed class Release(CountingPasswordHasher hasher, ManualResetEventSlim gate) : IDisposable
    {
        public void Dispose()
        {
            hasher._held = null;
            gate.Set();
        }
    }
}

public sealed class CodeChecks
{
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>The app's authenticator-code provider, counting the codes it is asked to check.</summary>
public sealed class CountedAuthenticatorCodes(AuthenticatorCodes real, CodeChecks checks) : IUserTwoFactorTokenProvider<StaffUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        real.CanGenerateTwoFactorTokenAsync(manager, user);

    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) =>
        real.GenerateAsync(purpose, manager, user);

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        checks.Add();
        return real.ValidateAsync(purpose, token, manager, user);
    }
}
