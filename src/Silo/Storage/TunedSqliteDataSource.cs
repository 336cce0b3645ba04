using System.Data.Common;

namespace Claims.Silo.Storage;

/// <summary>Hands Orleans' ADO.NET storage <see cref="TunedSqliteConnection"/>s.</summary>
internal sealed class TunedSqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(connectionString);
}
