using Microsoft.Extensions.DependencyInjection;
using MlValue.DependencyInjection;

namespace MlValue.Samples.SpamLoop.Storage;

/// <summary>The one place where the sample's two store choices differ.</summary>
public static class StoreSelection
{
    /// <summary>
    /// <c>UseSqlite()</c> for <see cref="SpamLoopStore.Embedded"/>; <c>UsePostgreSql(...)</c> on
    /// <see cref="PostgresStore.ConnectionString"/> and <see cref="SpamLoopOptions.PostgresSchema"/> for
    /// <see cref="SpamLoopStore.Postgres"/>. Everything else in the loop is the same code.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="options">The sample's options.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder UseStores(this MlValueBuilder builder, SpamLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Store == SpamLoopStore.Embedded)
        {
            return builder.UseSqlite();
        }

        var connectionString = PostgresStore.ConnectionString(options);
        return builder.UsePostgreSql(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = options.PostgresSchema;
        });
    }
}
