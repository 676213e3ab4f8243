using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// The recurrent layers SimpleRNN, LSTM and GRU: kernel (f, g·u), recurrent_kernel (u, g·u) and a bias, for g gates.
/// Input (b, T, f); output (b, T, u) with <c>return_sequences</c>, else (b, u); <c>return_state</c> appends the states.
/// </summary>
internal abstract class RecurrentRule : ILayerRule
{
    public abstract IReadOnlyList<string> ClassNames { get; }

    protected abstract int Gates { get; }

    /// <summary>Number of state outputs <c>return_state</c> adds: 2 for LSTM (h and c), 1 otherwise.</summary>
    protected virtual int States => 1;

    /// <summary>The gates' names, in the order a file that stores each gate apart lists them (LSTM i, c, f, o; GRU z, r, h); empty for SimpleRNN.</summary>
    protected virtual IReadOnlyList<string> GateNames => [];

    public virtual IReadOnlyList<string> PositionalArguments(string className) => [];

    public virtual bool TakesSequence(string className) => false;

    /// <summary>The kernel (f, g·u) gives f, of a (b, T, f) input.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => shape.Count == 2 ? (3, shape[0]) : null);

    public virtual string? MismatchHint(string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored) => null;

    public IReadOnlyList<string> SubLayers => ["cell"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownFirstInput(rank: 3);
        var features = context.Features(input);
        var units = context.Long("units");
        var width = checked(Gates * units);
        var useBias = UsesBias(context);
        List<ExpectedTensor> tensors =
        [
            new("kernel", [features, width]),
            new("recurrent_kernel", [units, width]),
        ];
        var terms = $"{Formula.N(features)} + {Formula.N(units)}";
        if (useBias)
        {
            var (shape, biasRows) = Bias(context, width);
            tensors.Add(new("bias", shape));
            terms += $" + {Formula.N(biasRows)}";
        }

        var formula = Gates == 1 ? $"({terms}) × {Formula.N(units)}" : $"{Gates} × ({terms}) × {Formula.N(units)}";
        if (GateNames.Count > 0 && context.StoresGatesApart)
        {
            tensors = PerGateTensors(features, units, useBias);
        }

        return new LayerPlan(Outputs(context, input, units), tensors, formula);
    }

    /// <summary>
    /// Each gate's kernel (f, u), recurrent kernel (u, u) and bias (u), as roles <c>kernel_i</c>, <c>recurrent_kernel_i</c>,
    /// <c>bias_i</c>, …: the same count as the fused tensors in different shapes (keras-file-formats.md §3.2).
    /// </summary>
    private List<ExpectedTensor> PerGateTensors(long features, long units, bool useBias)
    {
        var tensors = new List<ExpectedTensor>();
        foreach (var gate in GateNames)
        {
            tensors.Add(new($"kernel_{gate}", [features, units]));
            tensors.Add(new($"recurrent_kernel_{gate}", [units, units]));
            if (useBias)
            {
                tensors.Add(new($"bias_{gate}", [units]));
            }
        }

        return tensors;
    }

    /// <summary>Whether the layer has a bias: <c>use_bias</c>, true by default.</summary>
    protected virtual bool UsesBias(LayerContext context) => context.Bool("use_bias", true);

    /// <summary>The bias shape and how many rows of g·u it has (the term it adds inside the formula's parentheses).</summary>
    protected virtual (IReadOnlyList<long> Shape, long Rows) Bias(LayerContext context, long width) => ([width], 1);

    private List<Shape?> Outputs(LayerContext context, Shape input, long units)
    {
        List<Shape?> outputs =
        [
            context.Bool("return_sequences", false) ? Shape.Of(input[0], input[1], units) : Shape.Of(input[0], units),
        ];
        if (context.Bool("return_state", false))
        {
            for (var i = 0; i < States; i++)
            {
                outputs.Add(Shape.Of(input[0], units));
            }
        }

        return outputs;
    }
}
