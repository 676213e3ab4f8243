using System.Globalization;
using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Readers.Tfjs;

/// <summary>The findings about a TF.js model's weight shards (codes KI5001–KI5004, listed in the README).</summary>
internal static class TfjsFindings
{
    public static Diagnostic ShardSizeMismatch(long expected, long actual) => new(
        DiagnosticSeverity.Mismatch, "KI5001",
        string.Create(CultureInfo.InvariantCulture, $"the weight shards hold {actual:N0} bytes, the manifest's shapes and dtypes need {expected:N0}"), null, null);

    public static Diagnostic ShardsAbsent(int shards) => new(
        DiagnosticSeverity.Info, "KI5002",
        string.Create(CultureInfo.InvariantCulture, $"the {shards} weight shard(s) are not beside model.json: shapes come from the manifest, byte sizes are not checked"), null, null);

    public static Diagnostic ShardsMissing(int missing, int shards) => new(
        DiagnosticSeverity.Mismatch, "KI5003",
        string.Create(CultureInfo.InvariantCulture, $"{missing} of the {shards} weight shards are missing"), null, null);

    public static Diagnostic ShardOutsideFolder(IReadOnlyList<string> shards) => new(
        DiagnosticSeverity.Unsafe, "KI5004",
        $"the manifest points outside the model's folder ({string.Join(", ", shards)}); those files are not opened", null, null);
}
