using KerasInspect.Core.Layers;
using KerasInspect.Core.Reading;
using KerasInspect.Readers.Calc;
using KerasInspect.Reports;
using KerasInspect.Reports.Json;
using KerasInspect.Reports.Text;

namespace KerasInspect.Cli;

/// <summary><c>kerasinspect calc</c>: the parameter formulas without a file, for layers written as in Python.</summary>
internal static class CalcCommand
{
    private static readonly HashSet<string> ValueOptions = ["--input", "--format"];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help"];
    private static readonly HashSet<string> InputFreeFirstLayers = ["Embedding", "InputLayer"];

    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter errors)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("-h") || line.Has("--help"))
        {
            output.WriteLine(HelpText.CalcUsage);
            return ExitCode.Clean;
        }

        var format = line.Choice("--format", "table", "table", "json");
        if (line.Positional.Count == 0)
        {
            throw new UsageException("no layers given, e.g. kerasinspect calc --input 64 \"LSTM(32)\" \"Dense(1)\"");
        }

        Core.Model.ModelDescription model;
        try
        {
            model = CalcModelBuilder.Build(line.Positional, line.Value("--input"), LayerRules.Default);
        }
        catch (LayerExpressionException error)
        {
            var where = error.Index == 0 ? "--input" : $"layer {error.Index}";
            errors.WriteLine($"kerasinspect calc: {where}: {error.Message}");
            errors.WriteLine($"  {error.Expression}");
            errors.WriteLine($"  {new string(' ', error.Position)}^");
            return ExitCode.Usage;
        }

        if (model.DeclaredInputShape is null && !InputFreeFirstLayers.Contains(model.Layers[0].ClassName))
        {
            throw new UsageException($"the first layer, {model.Layers[0].ClassName}, needs --input: its input size (e.g. --input 64) or shape without the batch axis (e.g. --input 10,64)");
        }

        var report = ModelAuditor.Audit(ModelContents.ConfigOnly(null, FormatNames.Calc, null, model));
        IReportWriter writer = format == "json" ? new JsonReportWriter() : new FormulaTableWriter();
        writer.Write(new ReportSet([report]), output, new ReportOptions());

        return ExitCode.Clean;
    }
}
