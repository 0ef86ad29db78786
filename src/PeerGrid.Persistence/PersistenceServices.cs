using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PeerGrid.Persistence;

/// <summary>Registers the platform database for the configured provider.</summary>
public static class PersistenceServices
{
    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> (resolving to the provider's subclass). SQLite runs in WAL mode with a
    /// busy timeout, so readers never wait for the clock's writes and concurrent writers queue instead of failing.
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProviders.PostgreSql)
        {
            string cs = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is postgresql (e.g. Host=localhost;Database=peergrid;Username=peergrid;Password=…)");
            services.AddDbContextPool<PostgresPlatformDbContext>(o => o.UseNpgsql(PostgresConnectionString(cs)));
            services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<PostgresPlatformDbContext>());
        }
        else
        {
            string cs = SqliteConnectionString(options);
            services.AddDbContextPool<SqlitePlatformDbContext>(o => o.UseSqlite(cs).AddInterceptors(SqlitePragmas.Instance));
            services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<SqlitePlatformDbContext>());
        }
        return services;
    }

    /// <summary>
    /// A context on <paramref name="connectionString"/> outside a host (benchmarks, tools, tests), configured as the host
    /// configures it; the caller disposes it.
    /// </summary>
    public static PlatformDbContext Open(string provider, string connectionString) => provider == DatabaseProviders.PostgreSql
        ? new PostgresPlatformDbContext(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql(PostgresConnectionString(connectionString)).Options)
        : new SqlitePlatformDbContext(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance).Options);

    /// <summary>
    /// The configured PostgreSQL connection string, with automatic statement preparation on unless it says otherwise:
    /// the API's hot reads are a handful of statements, and prepared ones skip parsing and planning on every call.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
        }
        return builder.ConnectionString;
    }

    public static string SqliteConnectionString(DatabaseOptions options)
    {
        if (options.ConnectionString is { Length: > 0 } given)
        {
            return given;
        }
        Directory.CreateDirectory(options.DataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataFolder, "peergrid.db"),
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(this PlatformDbContext db, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancel);
        if (db.Provider == DatabaseProviders.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancel);
        }
    }
}
