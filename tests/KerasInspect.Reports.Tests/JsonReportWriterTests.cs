using KerasInspect.Reports.Json;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Reports.Tests;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Every_key_of_the_contract_is_written_in_order()
    {
        var output = new StringWriter();

        JsonReportWriter.Write([ReportSamples.LstmWithNarrowKernel()], output);

        var file = JObject.Parse(output.ToString())["files"]![0]!;
        Assert.Equal(["path", "format", "kerasVersion", "model", "verdict", "error", "layers", "totals", "findings"], ((JObject)file).Properties().Select(p => p.Name));
        Assert.Equal("mismatch", (string?)file["verdict"]);
        var layer = file["layers"]![0]!;
        Assert.Equal("[null,10,64]", layer["inputShape"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal((12_416L, 8_320L), ((long)layer["expectedParams"]!, (long)layer["storedParams"]!));
        Assert.Equal("mismatch", (string?)layer["verdict"]);
        var kernel = layer["tensors"]![0]!;
        Assert.Equal("[32,128]", kernel["storedShape"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("check the layer before", (string?)kernel["hint"]);
        Assert.Equal(7, (int)file["totals"]!["optimizerTensors"]!);
        var finding = file["findings"]![0]!;
        Assert.Equal(("mismatch", "KI2001", "lstm"), ((string?)finding["severity"], (string?)finding["code"], (string?)finding["layer"]));
    }

    [Fact]
    public void Json_of_a_run_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        JsonReportWriter.Write(ReportSamples.Run(), output, ReportSamples.Summary());

        Golden.Assert("run.json", output.ToString());
    }

    [Fact]
    public void Failed_file_has_its_error_and_empty_layers()
    {
        var output = new StringWriter();
        var failed = Core.Audit.FileReport.Failed("bad.h5", "unknown", new Core.Audit.FileError("KI3001", "bad.h5: / (byte 0): not an HDF5 file"));

        JsonReportWriter.Write([failed], output);

        var file = JObject.Parse(output.ToString())["files"]![0]!;
        Assert.Equal("KI3001", (string?)file["error"]!["code"]);
        Assert.Empty(file["layers"]!);
        Assert.Equal(JTokenType.Null, file["totals"]!["storedParams"]!.Type);
    }
}
