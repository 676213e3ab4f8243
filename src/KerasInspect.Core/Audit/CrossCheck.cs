using KerasInspect.Core.Analysis;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Audit;

/// <summary>
/// Joins what the config expects with what the file stores: layers by name, tensors by role (the last part of the
/// stored name without <c>:0</c>, plus the <c>forward_</c>/<c>backward_</c> scope of a Bidirectional and the child
/// layer of a nested model). A layer's stored count is always the sum of its stored tensors, whatever the verdicts.
/// </summary>
public static class CrossCheck
{
    public static FileReport Build(string path, string format, string? kerasVersion, ModelAnalysis? analysis, StoredWeights stored, int? optimizerTensors)
    {
        ArgumentNullException.ThrowIfNull(stored);
        List<Diagnostic> findings = analysis is null ? [Findings.NoConfig()]
            : [.. analysis.Diagnostics, .. UnsafeLayerAudit.Find(analysis.Model, LayerRules.Default)];
        var unclaimed = new Dictionary<string, StoredLayer>(StringComparer.Ordinal);
        foreach (var layer in stored.Layers)
        {
            unclaimed.TryAdd(layer.Name, layer);
        }

        var rows = new List<LayerReport>();
        if (analysis is not null)
        {
            foreach (var layer in analysis.Layers)
            {
                unclaimed.Remove(layer.Layer.Name, out var storedLayer);
                var tensors = storedLayer?.Tensors ?? [];
                rows.Add(Compare(WithInputFromWeights(layer, tensors, analysis.Model, findings), tensors, findings));
            }
        }

        foreach (var layer in stored.Layers.Where(l => unclaimed.ContainsKey(l.Name)))
        {
            var verdict = analysis is null ? Verdict.Unverified : Verdict.Unexpected;
            if (analysis is not null)
            {
                findings.Add(Findings.LayerNotInConfig(layer.Name, layer.Tensors.Count));
            }

            rows.Add(new LayerReport(layer.Name, "?", verdict)
            {
                Tensors = [.. layer.Tensors.Select(t => StoredOnly(t, verdict))],
                StoredParams = layer.ParameterCount,
            });
        }

        return new FileReport(path, format, kerasVersion)
        {
            Model = analysis?.Model.Name,
            Layers = rows,
            Findings = findings,
            OptimizerTensors = optimizerTensors,
        };
    }

    /// <summary>
    /// A layer whose input shape is unknown, planned on the input width its stored kernel shows (see
    /// <see cref="InputWidthFromWeights"/>); its "input unknown" finding becomes one saying where the width came from.
    /// </summary>
    private static LayerAnalysis WithInputFromWeights(LayerAnalysis layer, IReadOnlyList<StoredTensor> stored, ModelDescription model, List<Diagnostic> findings)
    {
        var unknownInput = layer.InputUnknownFinding is { } finding ? findings.IndexOf(finding) : -1;
        if (unknownInput < 0 || layer.Children.Count > 0
            || InputWidthFromWeights.Infer(layer.Layer, stored, LayerRules.Default, model.Dialect) is not { } inferred
            || ModelAnalyzer.Default.PlanOn(layer.Layer, inferred.Input, model) is not { } planned)
        {
            return layer;
        }

        var kernel = inferred.Kernel;
        findings[unknownInput] = Findings.InputWidthReadFromKernel(layer.Layer.Name, inferred.Width, kernel.StoredPath, ShapeText.Of(kernel.Shape), layer.Layer.ConfigPath);
        findings.InsertRange(unknownInput + 1, planned.Findings);
        return planned.Analysis;
    }

    private static LayerReport Compare(LayerAnalysis expected, IReadOnlyList<StoredTensor> stored, List<Diagnostic> findings)
    {
        var layer = expected.Layer;
        var storedCount = ShapeMath.TrySum(stored.Select(t => t.ElementCount));
        if (expected.Children.Count > 0)
        {
            return CompareNested(expected, stored, storedCount, findings);
        }

        if (!expected.IsVerified)
        {
            return new LayerReport(layer.Name, layer.ClassName, Verdict.Unverified)
            {
                Expected = expected,
                Tensors = [.. stored.Select(t => StoredOnly(t, Verdict.Unverified))],
                StoredParams = storedCount,
            };
        }

        var owner = layer.Inner?.ClassName ?? layer.ClassName;
        var positional = stored.Count > 0 && stored.All(t => t.Position is not null);
        var remaining = positional ? [.. stored.OrderBy(t => t.Position)] : stored.ToList();
        var checks = new List<TensorCheck>();
        foreach (var tensor in expected.Tensors!)
        {
            // Without role names, the n-th stored tensor plays the n-th expected role.
            var match = positional ? remaining.FirstOrDefault() : remaining.FirstOrDefault(s => Matches(tensor.Name, s.Name));
            if (match is null)
            {
                checks.Add(new TensorCheck(tensor.Name, Verdict.Missing) { ExpectedShape = tensor.Shape, Trainable = tensor.Trainable });
                findings.Add(Findings.TensorMissing(layer.Name, tensor.Name, ShapeText.Of(tensor.Shape)));
                continue;
            }

            remaining.Remove(match);
            var same = match.Shape.SequenceEqual(tensor.Shape);
            var hint = same ? null : MismatchHints.For(LayerRules.Default, owner, tensor.Name.Split('/')[^1], tensor.Shape, match.Shape);
            checks.Add(new TensorCheck(tensor.Name, same ? Verdict.Match : Verdict.Mismatch)
            {
                ExpectedShape = tensor.Shape,
                Trainable = tensor.Trainable,
                StoredShape = match.Shape,
                StoredPath = match.StoredPath,
                Hint = hint,
            });
            if (!same)
            {
                findings.Add(Findings.ShapeMismatch(layer.Name, tensor.Name, ShapeText.Of(tensor.Shape), ShapeText.Of(match.Shape), match.StoredPath, hint));
            }
        }

        foreach (var extra in remaining)
        {
            checks.Add(StoredOnly(extra, Verdict.Unexpected));
            findings.Add(Findings.TensorUnexpected(layer.Name, extra.StoredPath, ShapeText.Of(extra.Shape)));
        }

        return new LayerReport(layer.Name, layer.ClassName, Worst(checks.Select(c => c.Verdict)))
        {
            Expected = expected,
            Tensors = checks,
            StoredParams = storedCount,
        };
    }

    /// <summary>A nested model's group stores its layers' tensors under their names: hand each child its own.</summary>
    private static LayerReport CompareNested(LayerAnalysis expected, IReadOnlyList<StoredTensor> stored, long? storedCount, List<Diagnostic> findings)
    {
        var remaining = stored.ToList();
        var children = new List<LayerReport>();
        foreach (var child in expected.Children)
        {
            var own = remaining.Where(t => Owns(child, t)).ToList();
            remaining.RemoveAll(own.Contains);
            children.Add(Compare(child, own, findings));
        }

        var extras = remaining.Select(t => StoredOnly(t, Verdict.Unexpected)).ToList();
        foreach (var extra in remaining)
        {
            findings.Add(Findings.TensorUnexpected(expected.Layer.Name, extra.StoredPath, ShapeText.Of(extra.Shape)));
        }

        var verdicts = children.Select(c => c.Verdict).Concat(extras.Select(e => e.Verdict)).ToList();
        var verdict = verdicts.Contains(Verdict.Unverified) && !verdicts.Any(v => v is Verdict.Mismatch or Verdict.Missing or Verdict.Unexpected)
            ? Verdict.Unverified
            : Worst(verdicts.Where(v => v != Verdict.Unverified));
        return new LayerReport(expected.Layer.Name, expected.Layer.ClassName, verdict)
        {
            Expected = expected,
            Tensors = extras,
            StoredParams = storedCount,
            Children = children,
        };
    }

    /// <summary>
    /// Whether a tensor in a nested model's group is the child's: its name has the child's name as a scope, or, for a child
    /// that is itself a model, a descendant's name. tf.keras stores models nested two or more deep flat under the outermost
    /// one's group (<c>sequential_9/Conv1/kernel:0</c> for a Conv1 inside the Functional inside sequential_9).
    /// </summary>
    private static bool Owns(LayerAnalysis child, StoredTensor tensor)
    {
        var parts = tensor.Name.Split('/');
        return parts.Contains(child.Layer.Name, StringComparer.Ordinal)
            || (child.Children.Count > 0 && Descendants(child).Any(d => parts.AsSpan(0, parts.Length - 1).Contains(d.Layer.Name)));
    }

    private static IEnumerable<LayerAnalysis> Descendants(LayerAnalysis layer) =>
        layer.Children.SelectMany(child => Descendants(child).Prepend(child));

    private static TensorCheck StoredOnly(StoredTensor tensor, Verdict verdict) =>
        new(tensor.Name, verdict) { StoredShape = tensor.Shape, StoredPath = tensor.StoredPath };

    private static Verdict Worst(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();
        return all.Contains(Verdict.Mismatch) ? Verdict.Mismatch
            : all.Contains(Verdict.Missing) ? Verdict.Missing
            : all.Contains(Verdict.Unexpected) ? Verdict.Unexpected
            : Verdict.Match;
    }

    /// <summary>
    /// Whether a stored name plays an expected tensor's role. The role is the last part of both (the stored one without
    /// its <c>:0</c> suffix: <c>lstm/lstm_cell_3/kernel:0</c> is a kernel); each earlier part of the expected name must
    /// appear among the stored name's parts: <c>query/kernel</c> needs a <c>query</c> scope, and the directions of a
    /// Bidirectional, <c>forward/…</c> and <c>backward/…</c>, need a <c>forward_…</c> or <c>backward_…</c> scope.
    /// </summary>
    private static bool Matches(string expected, string stored)
    {
        var want = expected.Split('/');
        var parts = stored.Split('/');
        var role = parts[^1];
        var colon = role.LastIndexOf(':');
        if (colon > 0 && role[(colon + 1)..].All(char.IsAsciiDigit))
        {
            role = role[..colon];
        }

        var scopes = parts[..^1];
        if (scopes.Length == 0 && want.Length == 2 && want[0] is "forward" or "backward"
            && string.Equals(role, $"{want[0]}_{want[1]}", StringComparison.Ordinal))
        {
            return true; // a direction flattened into the stored name: forward_<name>
        }

        if (!string.Equals(role, want[^1], StringComparison.Ordinal))
        {
            return false;
        }

        return want[..^1].All(scope => scope is "forward" or "backward"
            ? scopes.Any(p => p.StartsWith(scope + "_", StringComparison.Ordinal))
            : scopes.Contains(scope, StringComparer.Ordinal));
    }
}
