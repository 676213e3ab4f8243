namespace KerasInspect.Reports;

/// <summary>Writes a run's reports in one format; the CLI only picks the writer (<see cref="ReportWriters"/>).</summary>
public interface IReportWriter
{
    /// <summary>The format's name, as <c>--format</c> takes it.</summary>
    string Name { get; }

    void Write(ReportSet run, TextWriter output, ReportOptions options);
}
