using Npgsql;
using PeerGrid.Persistence;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>
/// The providers every persistence and API test runs on. SQLite always; PostgreSQL when PEERGRID_TEST_POSTGRES holds
/// an admin connection string (scripts/test.sh installs, starts and sets it). Under CI=true PostgreSQL is required:
/// its cases are generated even without the variable and fail with a clear message.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PEERGRID_TEST_POSTGRES";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static bool RequirePostgres => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { DatabaseProviders.Sqlite };
            if (PostgresAdmin is not null || RequirePostgres)
            {
                data.Add(DatabaseProviders.PostgreSql);
            }
            return data;
        }
    }

    /// <summary>A fresh, empty database for one test; dropped (or deleted) when disposed.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            string folder = Path.Combine(Path.GetTempPath(), "peergrid-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=false;Default Timeout=60", () =>
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A handle may linger until finalisation; the temp folder is cleaned by the OS.
                }
                return Task.CompletedTask;
            });
        }
        string admin = PostgresAdmin ?? throw new InvalidOperationException(
            $"PostgreSQL tests are required under CI=true but {PostgresVariable} is not set: run the tests through scripts/test.sh, which installs and starts PostgreSQL");
        string name = "peergrid_t_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40, Timeout = 60, CommandTimeout = 60 };
        return new TestDatabase(provider, builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }
}

public sealed class TestDatabase(string provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public ValueTask DisposeAsync() => new(drop());
}
