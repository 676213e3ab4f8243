namespace KerasInspect.Reports.Text;

/// <summary><c>calc</c>'s table: shapes, expected parameters and each layer's derivation, without a file header.</summary>
public sealed class FormulaTableWriter : IReportWriter
{
    public string Name => "table";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var report in run.Reports)
        {
            LayerTableWriter.Write(report, output, TableStyle.Formulas);
        }
    }
}
