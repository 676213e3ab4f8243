using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace KerasInspect.Cli;

/// <summary>
/// Where the time of an <c>inspect</c> run went, for the benchmark's explanations (README, "Benchmarks"): wall time
/// per phase, garbage collections and their pauses, bytes allocated, and the methods the JIT compiled (none in the
/// Native AOT build). One line on stderr with <c>KERASINSPECT_STATS=1</c>.
/// </summary>
internal sealed class RunStatistics
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _phases = [];

    public void EndPhase(string name)
    {
        _phases.Add($"{name} {Milliseconds(_clock.Elapsed)}");
        _clock.Restart();
    }

    public void WriteTo(TextWriter errors) => errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"kerasinspect stats: {string.Join(", ", _phases)}; GC collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), " +
        $"paused {Milliseconds(GC.GetTotalPauseDuration())}, {GC.GetTotalAllocatedBytes() / 1e6:N1} MB allocated; " +
        $"JIT {JitInfo.GetCompiledMethodCount():N0} methods in {Milliseconds(JitInfo.GetCompilationTime())}; {Environment.ProcessorCount} cores"));

    private static string Milliseconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:N0} ms");
}
