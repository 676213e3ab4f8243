using System.IO.Compression;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>The unsafe-content audit: Lambda layers, classes from outside Keras, archive members a model has no reason to hold.</summary>
public sealed class UnsafeContentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasinspect-unsafe-").FullName;

    public static TheoryData<string> CorpusEntries() => CorpusManifest.Ids();

    [CorpusTheory]
    [MemberData(nameof(CorpusEntries))]
    public void Lambda_files_of_the_corpus_are_flagged_with_the_layer_and_the_others_are_clean(string id)
    {
        var entry = CorpusManifest.Entry(id);
        var files = ((JArray)entry["files"]!).Select(f => Path.Combine(TestPaths.RealCorpus, (string)f["file"]!)).ToList();
        var input = files.FirstOrDefault(f => f.EndsWith("model.json", StringComparison.Ordinal)) ?? files.First(f => !f.EndsWith(".bin", StringComparison.Ordinal));

        var report = FileAuditor.Audit(input);

        var lambdas = report.Findings.Where(f => f.Code == "KI6001").Select(f => f.Layer).ToList();
        if ((bool)entry["has_lambda"]!)
        {
            Assert.Equal(entry["oracle"]!["lambda_layers"]!.Select(l => (string?)l["name"]), lambdas);
        }
        else
        {
            Assert.Equal(0, report.UnsafeFindings);
        }
    }

    [Fact]
    public void Custom_layer_class_is_unsafe_and_unverified()
    {
        var report = FileAuditor.Audit(TestPaths.InTestData("keras", "unknown_layer.h5"));

        var finding = Assert.Single(report.Findings, f => f.Code == "KI6002");
        Assert.Equal(("my_scaling", DiagnosticSeverity.Unsafe), (finding.Layer, finding.Severity));
        Assert.Contains("'MyScaling'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_archive_has_no_unsafe_findings()
    {
        Assert.Equal(0, FileAuditor.Audit(TestPaths.InTestData("formats", "keras3_sequential_lstm.keras")).UnsafeFindings);
    }

    [Fact]
    public void Path_traversal_pickle_executable_and_duplicate_members_are_flagged_and_the_model_still_audited()
    {
        var path = Archive("hostile.keras", zip =>
        {
            Add(zip, "../../etc/evil.sh", "#!/bin/sh\n");
            Add(zip, "assets/vocab.pkl", "not really a pickle");
            Add(zip, "config.json", "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}");
        });

        var report = FileAuditor.Audit(path);

        var members = report.Findings.Where(f => f.Code == "KI6003").Select(f => f.Message).ToList();
        Assert.Contains(members, m => m.StartsWith("archive member '../../etc/evil.sh': its name leaves the archive's folder", StringComparison.Ordinal));
        Assert.Contains(members, m => m.StartsWith("archive member 'assets/vocab.pkl': may hold pickled Python objects", StringComparison.Ordinal));
        Assert.Contains(members, m => m.StartsWith("archive member 'config.json': listed 2 times", StringComparison.Ordinal));
        Assert.Equal(1_651L, report.StoredParams); // the first config.json and the weights are still read: 1,600 + 51
    }

    [Fact]
    public void Zip_bomb_is_flagged_and_never_inflated()
    {
        var path = Archive("bomb.keras", zip =>
        {
            var bomb = zip.CreateEntry("assets/zeros.bin", CompressionLevel.SmallestSize);
            using var stream = bomb.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros); // 64 MiB of zeros deflate to about 64 KB
            }
        });

        var report = FileAuditor.Audit(path);

        Assert.Contains(report.Findings, f => f.Code == "KI6003" && f.Message.Contains("the ratio of a zip bomb", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A copy of a clean Keras 3 archive with extra members.</summary>
    private string Archive(string name, Action<ZipArchive> extra)
    {
        var path = Path.Combine(_folder, name);
        File.Copy(TestPaths.InTestData("formats", "keras3_sequential_lstm.keras"), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            extra(zip);
        }

        return path;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
