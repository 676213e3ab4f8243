namespace KerasInspect.Core.Reading;

/// <summary>One input to read, with the command line's companions.</summary>
/// <param name="ConfigPath">An architecture JSON to use instead of the file's own config (weights-only files).</param>
/// <param name="WeightsPath">For a config JSON: the weights file to read with it.</param>
public sealed record ReadRequest(string Path, string? ConfigPath = null, string? WeightsPath = null);
