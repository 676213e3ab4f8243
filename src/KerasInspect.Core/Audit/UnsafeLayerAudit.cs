using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Audit;

/// <summary>
/// Finds layers whose loading would run code: <c>Lambda</c> layers (their config carries serialized Python bytecode,
/// which is never decoded here) and classes from outside Keras (custom or registered classes, a <c>module</c> that is not
/// Keras'). Walks nested models and wrapped layers.
/// </summary>
public static class UnsafeLayerAudit
{
    public static IReadOnlyList<Diagnostic> Find(ModelDescription model, LayerRules rules)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        var findings = new List<Diagnostic>();
        foreach (var layer in model.Layers)
        {
            Visit(layer, rules, findings);
        }

        return findings;
    }

    private static void Visit(LayerSpec layer, LayerRules rules, List<Diagnostic> findings)
    {
        if (layer.ClassName == "Lambda")
        {
            findings.Add(Findings.LambdaLayer(layer.Name, layer.ConfigPath));
        }
        else if (IsCustom(layer, rules))
        {
            findings.Add(Findings.CustomClass(layer.Name, layer.ClassName, layer.Module ?? layer.RegisteredName, layer.ConfigPath));
        }

        foreach (var child in new[] { layer.Inner, layer.Backward }.OfType<LayerSpec>().Concat(layer.Nested?.Layers ?? []))
        {
            Visit(child, rules, findings);
        }
    }

    private static bool IsCustom(LayerSpec layer, LayerRules rules)
    {
        if (layer.Module is { } module && !KerasClasses.IsKerasModule(module))
        {
            return true;
        }

        if (layer.RegisteredName is { } registered && registered.Contains('>', StringComparison.Ordinal))
        {
            return true;
        }

        return rules.Find(layer.ClassName) is null && !KerasClasses.BuiltIn.Contains(layer.ClassName);
    }
}
