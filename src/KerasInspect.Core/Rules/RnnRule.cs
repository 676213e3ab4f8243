using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// The generic <c>RNN</c> layer: its weights are its <c>cell</c>'s (<c>LSTMCell</c>, <c>GRUCell</c>, <c>SimpleRNNCell</c>,
/// <c>PeepholeLSTMCell</c>), planned like the matching layer. <c>StackedRNNCells</c> sums its <c>cells</c>, each fed the
/// previous cell's units; their tensors are scoped by cell name (<c>lstm_cell_1/kernel</c>). Outputs as for other RNNs,
/// with the last cell's units; <c>return_state</c> appends every cell's states.
/// </summary>
internal sealed class RnnRule : ILayerRule
{
    private static readonly Dictionary<string, (ILayerRule Rule, int States)> Cells = new(StringComparer.Ordinal)
    {
        ["SimpleRNNCell"] = (new SimpleRnnRule(), 1),
        ["LSTMCell"] = (new LstmRule(), 2),
        ["GRUCell"] = (new GruRule(), 1),
        ["PeepholeLSTMCell"] = (new PeepholeLstmCellRule(), 2),
    };

    public IReadOnlyList<string> ClassNames => ["RNN"];

    public IReadOnlyList<string> SubLayers => ["cell"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownFirstInput(rank: 3);
        var cell = context.Value("cell") ?? throw context.Invalid("RNN has no 'cell'", null);
        var (className, config) = Entry(context, cell);
        var stacked = className == "StackedRNNCells";
        var cells = stacked ? Stack(context, config) : [(className, config)];
        var features = context.Features(input);
        var tensors = new List<ExpectedTensor>();
        var formulas = new List<string>();
        var states = new List<Shape?>();
        foreach (var (cellClass, cellConfig) in cells)
        {
            var (rule, stateCount) = Cells.TryGetValue(cellClass, out var known) ? known
                : throw new LayerRuleException(LayerRuleFailure.NoRule, $"the RNN cell class '{cellClass}' has no rule", cellConfig.Path) { ClassName = cellClass };
            var name = cellConfig["name"]?.AsString();
            var part = new LayerSpec(name ?? cellClass, cellClass, cellConfig) { Trainable = cellConfig["trainable"]?.AsBool() != false };
            var plan = context.PlanPart(rule, part, [Shape.Of(input[0], input[1], features)]);
            var prefix = stacked && name is not null ? name + "/" : "";
            tensors.AddRange(plan.Tensors.Select(t => t with { Name = prefix + t.Name, Trainable = t.Trainable && part.Trainable }));
            formulas.Add(plan.Formula);
            features = plan.Outputs[0]?.Last ?? throw context.Unknown($"the units of cell '{part.Name}' are unknown");
            states.AddRange(Enumerable.Repeat(Shape.Of(input[0], features), stateCount));
        }

        List<Shape?> outputs = [context.Bool("return_sequences", false) ? Shape.Of(input[0], input[1], features) : Shape.Of(input[0], features)];
        if (context.Bool("return_state", false))
        {
            outputs.AddRange(states);
        }

        var formula = formulas.Count == 1 ? formulas[0] : string.Join(" + ", formulas.Select(f => $"({f})"));
        return new LayerPlan(outputs, tensors, formula);
    }

    /// <summary>A serialized object <c>{"class_name": …, "config": {…}}</c>.</summary>
    private static (string ClassName, ConfigValue Config) Entry(LayerContext context, ConfigValue value)
    {
        var className = value["class_name"]?.AsString();
        var config = value["config"];
        return className is not null && config is { Kind: ConfigKind.Object }
            ? (className, config)
            : throw context.Invalid($"a cell should be an object with 'class_name' and 'config', it is {value}", value.Path);
    }

    private static List<(string, ConfigValue)> Stack(LayerContext context, ConfigValue config)
    {
        var cells = config["cells"];
        if (cells is not { Kind: ConfigKind.Array } || cells.Items.Count == 0)
        {
            throw context.Invalid("StackedRNNCells should have a non-empty list of 'cells'", cells?.Path ?? config.Path);
        }

        return [.. cells.Items.Select(c => Entry(context, c))];
    }
}
