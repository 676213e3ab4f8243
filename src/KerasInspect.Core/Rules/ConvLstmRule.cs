using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>ConvLSTM1D</c>, <c>ConvLSTM2D</c>, <c>ConvLSTM3D</c>: kernel (k…, f, 4F), recurrent_kernel (k…, F, 4F) and bias (4F);
/// 4F·(k·(f + F) + 1). Input (b, T, spatial…, f); each step is a convolution, so the output is (b, T, spatial′…, F) with
/// <c>return_sequences</c>, else (b, spatial′…, F); <c>return_state</c> appends h and c, each (b, spatial′…, F).
/// </summary>
internal sealed class ConvLstmRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"];

    public IReadOnlyList<string> SubLayers => ["cell"];

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same");
        var input = context.KnownFirstInput(rank: window.Rank + 3);
        var step = input.WithoutAxis(1);
        var channels = window.Channels(context, step);
        var filters = context.Long("filters");
        var gates = checked(4 * filters);
        List<ExpectedTensor> tensors =
        [
            new("kernel", [.. window.Kernel, channels, gates]),
            new("recurrent_kernel", [.. window.Kernel, filters, gates]),
        ];
        var inner = $"{Formula.N(window.KernelPositions)} × ({Formula.N(channels)} + {Formula.N(filters)})";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [gates]));
            inner += " + 1";
        }

        var state = window.Output(step, filters);
        List<Shape?> outputs = [context.Bool("return_sequences", false) ? state.InsertAxis(1, input[1]) : state];
        if (context.Bool("return_state", false))
        {
            outputs.Add(state);
            outputs.Add(state);
        }

        return new LayerPlan(outputs, tensors, $"4 × {Formula.N(filters)} × ({inner})");
    }
}
