namespace KerasInspect.Core.Reading;

/// <summary>
/// Reads one <see cref="ModelFormat"/>: the file's config and stored tensor metadata, in its own dialect's names mapped
/// to the rules' roles. A reader only reads; it never analyses or cross-checks.
/// </summary>
public interface IModelReader
{
    /// <summary>The format this reader reads.</summary>
    ModelFormat Format { get; }

    /// <exception cref="KerasInspectException">The input (or its config) cannot be read.</exception>
    ModelContents Read(ReadRequest request);
}
