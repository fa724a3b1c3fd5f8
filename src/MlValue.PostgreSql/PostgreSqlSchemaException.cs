namespace MlValue;

/// <summary>
/// The PostgreSQL schema of the stores cannot be used by this version of MlValue: the database holds a newer
/// schema version (written by a newer MlValue) than this process knows, or the migrations could not be applied.
/// Nothing was changed; the message says which schema and what to do.
/// </summary>
public sealed class PostgreSqlSchemaException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public PostgreSqlSchemaException()
    {
    }

    /// <summary>Creates an exception with a message that names the schema, the versions and the remedy.</summary>
    /// <param name="message">The message.</param>
    public PostgreSqlSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PostgreSqlSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The schema concerned, for example <c>mlvalue</c>.</summary>
    public string? Schema { get; init; }

    /// <summary>The schema version recorded in the database's <c>mlvalue_schema_version</c> table.</summary>
    public int DatabaseVersion { get; init; }

    /// <summary>The newest schema version this process knows.</summary>
    public int SupportedVersion { get; init; }
}
