using System.ComponentModel.DataAnnotations;

namespace PeerGrid.Persistence;

/// <summary>The "Database" configuration section (environment variables: Database__Provider, Database__ConnectionString).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"sqlite" (default) or "postgresql".</summary>
    [Required]
    [AllowedValues(DatabaseProviders.Sqlite, DatabaseProviders.PostgreSql)]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>The ADO.NET connection string; for SQLite the default is a file under the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file goes when no connection string is given.</summary>
    public string DataFolder { get; set; } = "data";
}

public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
}
