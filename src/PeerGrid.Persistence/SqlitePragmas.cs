using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerGrid.Persistence;

/// <summary>
/// Sets SQLite's per-connection pragmas: a busy timeout (writers queue for the lock instead of failing) and
/// synchronous=NORMAL, which in WAL mode is durable except for the last transactions on power loss, never corrupting;
/// a process crash loses nothing committed. WAL itself (readers do not block the writer) is a property of the file,
/// set once at start-up (<see cref="PersistenceServices.MigrateAsync"/>); EF Core turns foreign keys on by itself.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Stateless, so one instance serves every pooled context.</summary>
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using DbCommand c = connection.CreateCommand();
        c.CommandText = Pragmas;
        await c.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using DbCommand c = connection.CreateCommand();
        c.CommandText = Pragmas;
        c.ExecuteNonQuery();
    }
}
