using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.Data;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the data stage: its options and the checkpoint store of the data sources.</summary>
public static class DataBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="DataOptions"/> (bound from <c>MlValue:Data</c>, validated at start-up)
    /// and a <see cref="FileCheckpointStore"/> as <see cref="ICheckpointStore"/> under
    /// <c>MlValue:RootDirectory</c>/<c>MlValue:Data:CheckpointDirectory</c> (default <c>mlvalue/checkpoints</c>), and a
    /// <see cref="FileDatasetStore"/> as <see cref="IDatasetStore"/> under <c>MlValue:Data:DatasetDirectory</c>
    /// (default <c>mlvalue/datasets</c>). Calling it twice is harmless; a store registered before is kept.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddDataSources(this MlValueBuilder builder, Action<DataOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<DataOptions, DataOptionsValidator>("Data", configure);
        builder.Services.TryAddSingleton<ICheckpointStore>(sp =>
        {
            var root = sp.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory;
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            return new FileCheckpointStore(Path.Combine(root, data.CheckpointDirectory));
        });
        builder.Services.TryAddSingleton<IDatasetStore>(sp =>
        {
            var root = sp.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory;
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            return new FileDatasetStore(Path.Combine(root, data.DatasetDirectory), sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>
    /// Registers a folder source of <typeparamref name="T"/> as a keyed <see cref="IDataSource{T}"/>
    /// under <paramref name="name"/>, using the registered <see cref="ICheckpointStore"/>,
    /// <see cref="DataOptions"/> and <see cref="TimeProvider"/>. While it is the only source of
    /// <typeparamref name="T"/>, the un-keyed <see cref="IDataSource{T}"/> resolves to it; with two or
    /// more, resolving the un-keyed one throws a <see cref="DataSourceException"/> that says to
    /// resolve by name. Calls <see cref="AddDataSources"/> if needed.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="name">The source name and checkpoint key.</param>
    /// <param name="folder">The folder the files arrive in.</param>
    /// <param name="format">The file format.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="DataSourceException">A source named <paramref name="name"/> is already registered.</exception>
    public static MlValueBuilder AddFolderDataSource<T>(this MlValueBuilder builder, string name, string folder, DataFileFormat format)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDataSources();
        NamedServices.For(builder.Services, "data source").Add<IDataSource<T>>(
            builder.Services,
            name,
            sp => DataSources.FromFolder<T>(
                name,
                folder,
                format,
                sp.GetRequiredService<ICheckpointStore>(),
                sp.GetRequiredService<IOptions<DataOptions>>().Value,
                sp.GetService<TimeProvider>(),
                sp.GetService<IMeterFactory>()),
            message => new DataSourceException(message));
        return builder;
    }
}
