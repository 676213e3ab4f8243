using System.Globalization;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Analysis;

/// <summary>
/// Infers every layer's shapes through a Sequential or functional graph and plans its expected tensors with the layer
/// rules. Each layer object is counted once, from its first call, however often it is called; a nested model too.
/// </summary>
public sealed class ModelAnalyzer(LayerRules rules)
{
    public static ModelAnalyzer Default { get; } = new(LayerRules.Default);

    public ModelAnalysis Analyze(ModelDescription model)
    {
        var run = new Run(rules, model.Writer, model.Dialect);
        var (layers, outputs) = run.Model(model, boundInputs: null, parentTrainable: true);
        return new ModelAnalysis(model, layers, outputs, run.Diagnostics);
    }

    /// <summary>
    /// Plans one layer on a given input, outside its graph (the input then comes from elsewhere, e.g. the stored
    /// weights), with the findings the plan made; null when the rule cannot plan it. Its output shape is left
    /// unknown: it is not an inferred one.
    /// </summary>
    internal (LayerAnalysis Analysis, IReadOnlyList<Diagnostic> Findings)? PlanOn(LayerSpec layer, Shape input, ModelDescription model)
    {
        var run = new Run(rules, model.Writer, model.Dialect);
        var analysis = run.Evaluate(layer, [input], parentTrainable: true);
        return analysis.IsVerified ? (analysis with { OutputShapes = [null] }, run.Diagnostics) : null;
    }

    private sealed class Run(LayerRules rules, KerasWriter writer, IStorageDialect? dialect)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public (List<LayerAnalysis> Layers, List<Shape?> Outputs) Model(ModelDescription model, IReadOnlyList<Shape?>? boundInputs, bool parentTrainable) =>
            model.Kind == ModelKind.Sequential
                ? Sequential(model, boundInputs, parentTrainable)
                : new FunctionalGraph(this, model, boundInputs, parentTrainable).Evaluate();

        /// <summary>Plans one call of a layer; <paramref name="record"/> is false for second and later calls (shapes only).</summary>
        /// <param name="upstream">In a Sequential model, the layer after which shapes became unknown, named in the finding.</param>
        public LayerAnalysis Evaluate(LayerSpec layer, IReadOnlyList<Shape?> inputs, bool parentTrainable, bool record = true, string? upstream = null)
        {
            var trainable = parentTrainable && layer.Trainable;
            inputs = WithRecordedInputs(layer, inputs, record);
            if (layer.Nested is { } nested)
            {
                return Nested(layer, nested, inputs, trainable, record);
            }

            var findings = record ? Diagnostics : [];
            if (rules.Find(layer.ClassName) is not { } rule)
            {
                findings.Add(Findings.NoRule(layer.Name, layer.ClassName, layer.ConfigPath));
                return Unverified(layer, inputs);
            }

            try
            {
                var plan = new LayerContext(layer, inputs, rules, writer, dialect, findings).Plan(rule);
                var tensors = plan.Tensors.Select(t => t with { Trainable = t.Trainable && trainable }).ToList();
                return new LayerAnalysis(layer)
                {
                    InputShapes = inputs,
                    OutputShapes = plan.Outputs,
                    Tensors = tensors,
                    Formula = plan.Formula,
                    ExpectedParams = plan.ParameterCount,
                    TrainableParams = tensors.Where(t => t.Trainable).Aggregate(0L, (s, t) => checked(s + t.Size)),
                    NonTrainableParams = tensors.Where(t => !t.Trainable).Aggregate(0L, (s, t) => checked(s + t.Size)),
                };
            }
            catch (LayerRuleException failure)
            {
                var finding = failure.Failure switch
                {
                    LayerRuleFailure.InputUnknown => Findings.InputShapeUnknown(
                        layer.Name,
                        upstream is null ? failure.Message : $"{failure.Message}: it comes after {upstream}, whose output shape is not known",
                        failure.ConfigPath),
                    LayerRuleFailure.NoRule => Findings.NoRule(layer.Name, failure.ClassName ?? layer.ClassName, failure.ConfigPath),
                    _ => Findings.InvalidConfig(layer.Name, failure.Message, failure.ConfigPath),
                };
                findings.Add(finding);
                return Unverified(layer, inputs) with
                {
                    InputUnknownFinding = failure.Failure == LayerRuleFailure.InputUnknown ? finding : null,
                };
            }
            catch (OverflowException)
            {
                findings.Add(Findings.CountOverflow(layer.Name, layer.ConfigPath));
                return Unverified(layer, inputs);
            }
        }

        /// <summary>
        /// Inputs inference could not know (after a Lambda, a custom class) taken from the shapes Keras recorded when it
        /// built the layer, when it recorded one per input; the audit says so (KI1009).
        /// </summary>
        private IReadOnlyList<Shape?> WithRecordedInputs(LayerSpec layer, IReadOnlyList<Shape?> inputs, bool record)
        {
            var recorded = layer.RecordedInputShapes;
            if (!inputs.Any(s => s is null) || recorded.Count != inputs.Count || recorded.Any(s => s is null))
            {
                return inputs;
            }

            if (record)
            {
                Diagnostics.Add(Findings.RecordedInputShapeUsed(layer.Name, string.Join(", ", recorded), layer.ConfigPath));
            }

            return [.. inputs.Select((shape, i) => shape ?? recorded[i])];
        }

        private static LayerAnalysis Unverified(LayerSpec layer, IReadOnlyList<Shape?> inputs) =>
            new(layer) { InputShapes = inputs, OutputShapes = [null] };

        private LayerAnalysis Nested(LayerSpec layer, ModelDescription nested, IReadOnlyList<Shape?> inputs, bool trainable, bool record)
        {
            var saved = Diagnostics.Count;
            var (children, outputs) = Model(nested, inputs, trainable);
            if (!record)
            {
                Diagnostics.RemoveRange(saved, Diagnostics.Count - saved);
            }

            var verified = children.All(c => c.IsVerified);
            return new LayerAnalysis(layer)
            {
                InputShapes = inputs,
                OutputShapes = outputs,
                Children = children,
                Tensors = verified ? [.. children.SelectMany(c => c.Tensors!)] : null,
                Formula = verified ? string.Create(CultureInfo.InvariantCulture, $"sum of its {children.Count} layers") : null,
                ExpectedParams = verified ? children.Aggregate(0L, (s, c) => checked(s + c.ExpectedParams!.Value)) : null,
                TrainableParams = verified ? children.Aggregate(0L, (s, c) => checked(s + c.TrainableParams!.Value)) : null,
                NonTrainableParams = verified ? children.Aggregate(0L, (s, c) => checked(s + c.NonTrainableParams!.Value)) : null,
            };
        }

        private (List<LayerAnalysis>, List<Shape?>) Sequential(ModelDescription model, IReadOnlyList<Shape?>? boundInputs, bool trainable)
        {
            var current = boundInputs is { Count: > 0 } ? boundInputs[0] : model.DeclaredInputShape;
            var layers = new List<LayerAnalysis>(model.Layers.Count);
            string? unknownAfter = null;
            for (var i = 0; i < model.Layers.Count; i++)
            {
                var layer = model.Layers[i];
                if (i == 0 && current is null)
                {
                    current = layer.DeclaredInputShape;
                }

                var analysis = layer.ClassName == "InputLayer" && current is not null
                    ? new LayerAnalysis(layer) { InputShapes = [current], OutputShapes = [current], Tensors = [], Formula = "0", ExpectedParams = 0, TrainableParams = 0, NonTrainableParams = 0 }
                    : Evaluate(layer, [current], trainable, upstream: current is null ? unknownAfter : null);
                layers.Add(analysis);
                var output = analysis.OutputShapes.Count > 0 ? analysis.OutputShapes[0] : null;
                if (current is not null && output is null)
                {
                    unknownAfter = $"'{layer.Name}' ({layer.ClassName})";
                }

                current = output;
            }

            return (layers, [current]);
        }
    }

    /// <summary>
    /// Evaluates call events once their inputs are known, pass after pass; calls still waiting when a pass makes no
    /// progress sit on a cycle or a missing reference and are reported, so evaluation always ends.
    /// </summary>
    private sealed class FunctionalGraph(Run run, ModelDescription model, IReadOnlyList<Shape?>? boundInputs, bool trainable)
    {
        private readonly Dictionary<string, LayerSpec> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Layer, int Call), IReadOnlyList<Shape?>> _outputs = [];
        private readonly Dictionary<string, LayerAnalysis> _analyses = new(StringComparer.Ordinal);

        public (List<LayerAnalysis>, List<Shape?>) Evaluate()
        {
            foreach (var layer in model.Layers)
            {
                if (!_byName.TryAdd(layer.Name, layer))
                {
                    run.Diagnostics.Add(Findings.GraphProblem(layer.Name, $"the model has two layers named '{layer.Name}'", layer.ConfigPath));
                }
            }

            BindInputs();
            var pending = model.Layers.Where(l => !_analyses.ContainsKey(l.Name))
                .SelectMany(l => l.Calls.Select((call, index) => (Layer: l, Index: index, Call: call)))
                .ToList();
            while (pending.Count > 0)
            {
                var ready = pending.Where(p => Resolve(p.Call.Inputs, report: false) is not null).ToList();
                if (ready.Count == 0)
                {
                    break;
                }

                foreach (var (layer, index, call) in ready)
                {
                    EvaluateCall(layer, index, Resolve(call.Inputs, report: false)!);
                }

                pending = [.. pending.Except(ready)];
            }

            foreach (var (layer, index, call) in pending)
            {
                run.Diagnostics.Add(Findings.GraphProblem(
                    layer.Name,
                    string.Create(CultureInfo.InvariantCulture, $"call {index} of '{layer.Name}' waits on inputs that are never computed (a cycle or a missing layer)"),
                    call.ConfigPath));
                Resolve(call.Inputs, report: true);
            }

            var layers = model.Layers.Select(l => _analyses.TryGetValue(l.Name, out var a) ? a : run.Evaluate(l, [null], trainable)).ToList();
            var outputs = model.Outputs.Select(o => Output(o, report: true)).ToList();
            return (layers, outputs);
        }

        private void BindInputs()
        {
            foreach (var layer in model.Layers.Where(l => l.ClassName == "InputLayer" && l.Calls.Count == 0))
            {
                var position = model.Inputs.ToList().FindIndex(i => string.Equals(i.Layer, layer.Name, StringComparison.Ordinal));
                var bound = boundInputs is not null && position >= 0 && position < boundInputs.Count ? boundInputs[position] : null;
                var analysis = bound is not null
                    ? new LayerAnalysis(layer) { InputShapes = [bound], OutputShapes = [bound], Tensors = [], Formula = "0", ExpectedParams = 0, TrainableParams = 0, NonTrainableParams = 0 }
                    : run.Evaluate(layer, [], trainable);
                _analyses[layer.Name] = analysis;
                _outputs[(layer.Name, 0)] = analysis.OutputShapes;
            }
        }

        private void EvaluateCall(LayerSpec layer, int index, IReadOnlyList<Shape?> inputs)
        {
            var first = !_analyses.ContainsKey(layer.Name);
            var analysis = run.Evaluate(layer, inputs, trainable, record: first);
            if (first)
            {
                _analyses[layer.Name] = analysis;
            }

            _outputs[(layer.Name, index)] = analysis.OutputShapes;
        }

        /// <summary>The shapes referenced, or null while one of them is not computed yet.</summary>
        private List<Shape?>? Resolve(IReadOnlyList<TensorRef> inputs, bool report)
        {
            var shapes = new List<Shape?>(inputs.Count);
            foreach (var input in inputs)
            {
                if (!TryOutput(input, report, out var shape))
                {
                    return null;
                }

                shapes.Add(shape);
            }

            return shapes;
        }

        private Shape? Output(TensorRef reference, bool report) => TryOutput(reference, report, out var shape) ? shape : null;

        private bool TryOutput(TensorRef reference, bool report, out Shape? shape)
        {
            shape = null;
            if (!_byName.TryGetValue(reference.Layer, out var producer))
            {
                if (report)
                {
                    run.Diagnostics.Add(Findings.GraphProblem(null, $"a call refers to layer '{reference.Layer}', which the model does not have", null));
                }

                return report;
            }

            // A nested functional model's first call is internal and not serialized: outer node 1 is its call 0.
            var call = reference.Node - (producer.Nested?.OwnsInternalNode == true ? 1 : 0);
            if (!_outputs.TryGetValue((producer.Name, call), out var outputs) && !_outputs.TryGetValue((producer.Name, reference.Node), out outputs))
            {
                return false;
            }

            if (reference.Tensor < 0 || reference.Tensor >= outputs.Count)
            {
                if (report)
                {
                    run.Diagnostics.Add(Findings.GraphProblem(producer.Name, string.Create(CultureInfo.InvariantCulture, $"a call refers to output {reference.Tensor} of '{producer.Name}', which has {outputs.Count}"), producer.ConfigPath));
                }

                return true;
            }

            shape = outputs[reference.Tensor];
            return true;
        }
    }
}
