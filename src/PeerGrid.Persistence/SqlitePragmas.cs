using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerGrid.Persistence;

/// <summary>
/// Sets SQLite's per-connection pragmas: WAL (readers do not block the writer), a busy timeout (writers queue for the
/// lock instead of failing) and foreign keys. synchronous=NORMAL is durable in WAL mode except for the last
/// transactions on power loss, never corrupting; a process crash loses nothing committed.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Stateless, so one instance serves every pooled context.</summary>
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON;";

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
