using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeerGrid.Persistence;

/// <summary>The SQLite flavour: the embedded default. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    public override string Provider => DatabaseProviders.Sqlite;
}

/// <summary>The PostgreSQL flavour for production. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options)
{
    public override string Provider => DatabaseProviders.PostgreSql;
}

/// <summary>Lets `dotnet ef migrations add X --context SqlitePlatformDbContext` build a context without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>As <see cref="SqliteDesignTimeFactory"/>, for PostgreSQL (no server is contacted to add a migration).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql("Host=localhost;Database=peergrid_design").Options);
}
