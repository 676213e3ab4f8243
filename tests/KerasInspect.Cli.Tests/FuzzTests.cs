using System.Buffers.Binary;
using KerasInspect.Tests;

namespace KerasInspect.Cli.Tests;

/// <summary>
/// Seeded mutations of the HDF5 and Keras fixtures, each audited by <c>kerasinspect inspect</c> in-process: the whole
/// path (format detection, HDF5 reader, Keras config and weights, cross-check, report), where
/// <c>MalformedInputTests</c> covers the HDF5 reader alone. Whatever the damage, no exception escapes, the exit code
/// is 0, 1 or 3, and an unreadable file is one stderr line that names it. scripts/fuzz does the same at scale against
/// h5py.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 20261121;
    private const int Cases = 5000;

    private static readonly byte[][] Signatures =
        [.. new[] { "TREE", "SNOD", "HEAP", "GCOL", "OHDR", "OCHK", "FRHP", "FHIB", "FHDB", "BTHD", "BTIN", "BTLF" }.Select(s => s.Select(c => (byte)c).ToArray())];

    private static readonly ulong[] HugeValues =
        [ulong.MaxValue, long.MaxValue, 1UL << 63, 1UL << 62, 1UL << 40, (1UL << 32) + 1, uint.MaxValue, 1UL << 31];

    private readonly string _folder = Directory.CreateTempSubdirectory("kerasinspect-fuzz-").FullName;

    [Fact]
    public void Damaged_fixtures_are_audited_or_refused_with_one_line_naming_the_file()
    {
        var fixtures = Fixtures();
        var random = new Random(Seed);
        var outcomes = new int[4];
        for (var i = 0; i < Cases; i++)
        {
            var fixture = fixtures[random.Next(fixtures.Count)];
            var (bytes, mutation) = Mutate(fixture, random);
            var path = Path.Combine(_folder, $"case{i:D4}.h5");
            File.WriteAllBytes(path, bytes);
            var what = $"case {i}: {Path.GetFileName(fixture.Path)}, {mutation}";

            var (code, _, errors) = Run(path, what);

            Assert.True(code is 0 or 1 or 3, $"{what}: exit code {code}\n{errors}");
            if (code == 3)
            {
                Assert.True(errors.Count(c => c == '\n') == 1 && errors.StartsWith($"error: {path}", StringComparison.Ordinal), $"{what}: stderr is not one line naming the file:\n{errors}");
            }
            else
            {
                Assert.True(errors.Length == 0, $"{what}: exit code {code} with stderr:\n{errors}");
            }

            outcomes[code]++;
            File.Delete(path);
        }

        // The damage is not all fatal or all harmless: both kinds of file go through the auditor.
        Assert.InRange(outcomes[3], Cases / 10, Cases * 9 / 10);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Output, string Errors) Run(string path, string what)
    {
        try
        {
            return CliRunner.Run("inspect", path);
        }
        catch (Exception error)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {error.GetType().Name} escaped: {error}");
        }
    }

    private static List<Fixture> Fixtures() =>
        [.. new[] { "hdf5", "keras" }
            .SelectMany(folder => Directory.EnumerateFiles(TestPaths.InTestData(folder), "*.h5"))
            .Order(StringComparer.Ordinal)
            .Select(path => new Fixture(path, File.ReadAllBytes(path)))];

    /// <summary>One or two mutations, aimed mostly at the first 4 KB and the bytes after a structure's signature.</summary>
    private static (byte[] Bytes, string Mutation) Mutate(Fixture fixture, Random random)
    {
        var bytes = (byte[])fixture.Bytes.Clone();
        var done = new List<string>();
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            var at = Position(fixture, bytes.Length, random);
            switch (random.Next(5))
            {
                case 0:
                    bytes = bytes[..at];
                    done.Add($"truncate@{at}");
                    n = 0; // nothing after a truncation
                    break;
                case 1:
                    var bit = random.Next(8);
                    bytes[at] ^= (byte)(1 << bit);
                    done.Add($"flip@{at}.{bit}");
                    break;
                case 2:
                    var zeros = Math.Min(random.Next(1, 65), bytes.Length - at);
                    bytes.AsSpan(at, zeros).Clear();
                    done.Add($"zero@{at}+{zeros}");
                    break;
                case 3:
                    var noise = Math.Min(random.Next(1, 65), bytes.Length - at);
                    random.NextBytes(bytes.AsSpan(at, noise));
                    done.Add($"random@{at}+{noise}");
                    break;
                default:
                    at = Math.Min(at, bytes.Length - 8);
                    var value = HugeValues[random.Next(HugeValues.Length)];
                    BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), value);
                    done.Add($"huge@{at}=0x{value:x}");
                    break;
            }
        }

        return (bytes, string.Join(" ", done));
    }

    private static int Position(Fixture fixture, int length, Random random)
    {
        var roll = random.NextDouble();
        var at = roll < 0.45 && fixture.Structures.Count > 0 ? fixture.Structures[random.Next(fixture.Structures.Count)] + random.Next(64)
            : roll < 0.8 ? random.Next(Math.Min(4096, length))
            : random.Next(length);
        return Math.Min(at, length - 1);
    }

    private sealed record Fixture(string Path, byte[] Bytes)
    {
        public List<int> Structures { get; } = [.. Signatures.SelectMany(s => Offsets(Bytes, s)).Order()];

        private static IEnumerable<int> Offsets(byte[] bytes, byte[] signature)
        {
            for (var at = bytes.AsSpan().IndexOf(signature); at >= 0;)
            {
                yield return at;
                var next = bytes.AsSpan(at + 1).IndexOf(signature);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
    }
}
