using System.IO.Compression;
using KerasInspect.Core.Audit;
using KerasInspect.Tests;

namespace KerasInspect.Readers.Tests;

/// <summary>A bare Keras 3 <c>*.weights.h5</c> (what <c>save_weights</c> writes), with and without its architecture.</summary>
public sealed class Keras3WeightsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasinspect-k3w-").FullName;

    public Keras3WeightsFileTests()
    {
        // The archive's members are exactly a save_weights file and a to_json file.
        ZipFile.ExtractToDirectory(TestPaths.InTestData("formats", "keras3_sequential_lstm.keras"), _folder);
    }

    [Fact]
    public void With_its_config_every_layer_matches()
    {
        var report = FileAuditor.Audit(Path.Combine(_folder, "model.weights.h5"), Path.Combine(_folder, "config.json"));

        Assert.Equal("keras3-weights-h5", report.Format);
        Assert.All(report.Layers, l => Assert.Equal(Verdict.Match, l.Verdict));
        Assert.Equal((1_651L, 1_651L), (report.ExpectedParams, report.StoredParams!.Value)); // LSTM 4·16·(8+16+1) = 1,600; Dense 16·3 + 3 = 51
    }

    [Fact]
    public void Without_a_config_the_groups_are_listed_and_counted_unverified()
    {
        var report = FileAuditor.Audit(Path.Combine(_folder, "model.weights.h5"));

        Assert.Equal(1_651L, report.StoredParams);
        Assert.Contains(report.Layers, l => l.Name == "lstm" && l.StoredParams == 1_600 && l.Verdict == Verdict.Unverified);
        Assert.Contains(report.Findings, f => f.Code == "KI2005");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
