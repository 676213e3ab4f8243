using KerasInspect.Core.Audit;
using KerasInspect.Reports.Terminal;
using Spectre.Console;

namespace KerasInspect.Reports.Text;

/// <summary>
/// The default report: each readable file's header line and layer table, then, after several files, the run summary.
/// On a terminal that takes colour the tables are <see cref="ConsoleTableWriter"/>'s, otherwise <see cref="LayerTableWriter"/>'s.
/// </summary>
public sealed class TableReportWriter : IReportWriter
{
    public string Name => "table";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var readable = run.Reports.Where(r => r.Error is null).ToList();
        var ansi = options.Rich ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }) : null;
        for (var i = 0; i < readable.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            if (ansi is not null)
            {
                ConsoleTableWriter.Write(ansi, readable[i], options.Explain);
            }
            else
            {
                WritePlain(readable[i], options.Explain, output);
            }
        }

        if (run.Reports.Count > 1 && run.Summary is { } summary)
        {
            output.WriteLine();
            if (ansi is not null)
            {
                ConsoleTableWriter.WriteSummary(ansi, run.Reports, summary);
            }
            else
            {
                output.WriteLine(ReportText.RunSummary(summary, namesFailOn: true));
            }
        }
    }

    private static void WritePlain(FileReport report, bool explain, TextWriter output)
    {
        var facts = new List<string> { report.Format };
        if (report.KerasVersion is { } version)
        {
            facts.Add($"Keras {version}");
        }

        var configOnly = report.StoredParams is null;
        facts.Add(configOnly ? "config only: no weights to compare" : report.Layers.All(l => l.Expected is null) ? "no config: weights listed, not verified" : "config and weights cross-checked");
        output.WriteLine($"{report.Path}: {string.Join(", ", facts)}");
        output.WriteLine();
        LayerTableWriter.Write(report, output, configOnly ? TableStyle.Config : TableStyle.CrossCheck, explain);
    }
}
