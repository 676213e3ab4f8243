using System.Text.RegularExpressions;

namespace KerasInspect.Core.Diff;

/// <summary>
/// Matches the layers of OLD with those of NEW, in four steps:
/// <list type="number">
/// <item>A class whose layers all carry Keras' automatic names (<c>dense</c>, <c>dense_3</c>) and that has as many
/// layers on each side is paired in order: the names shift when a model is rebuilt in a session that made other layers
/// first (<c>dense_3</c> → <c>dense_4</c>), the order does not.</item>
/// <item>Then equal names.</item>
/// <item>Then input layers, in order.</item>
/// <item>Then each remaining OLD layer with the remaining NEW layer of the same class that is called on the same
/// (paired) layers, or failing that the nearest in position.</item>
/// </list>
/// Pairs from steps 1, 3 and 4 with different names are <see cref="PairingKind.Inferred"/>. What is left is added or
/// removed; in a Sequential model an input layer only one side lists is dropped, as writers differ in listing it.
/// </summary>
internal static partial class LayerPairing
{
    public static IReadOnlyList<(LayerFacts? Old, LayerFacts? New, PairingKind Kind)> Pair(IReadOnlyList<LayerFacts> old, IReadOnlyList<LayerFacts> @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldToNew = new Dictionary<LayerFacts, LayerFacts>();
        var taken = new HashSet<LayerFacts>();
        void Take(LayerFacts o, LayerFacts n)
        {
            oldToNew[o] = n;
            taken.Add(n);
        }

        foreach (var (o, n) in ByAutomaticNames(old, @new))
        {
            Take(o, n);
        }

        var newByName = @new.Where(n => !taken.Contains(n)).GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var o in old.Where(o => !oldToNew.ContainsKey(o)))
        {
            if (newByName.Remove(o.Name, out var n))
            {
                Take(o, n);
            }
        }

        var newInputs = new Queue<LayerFacts>(@new.Where(n => n.IsInput && !taken.Contains(n)));
        foreach (var o in old.Where(o => o.IsInput && !oldToNew.ContainsKey(o)))
        {
            if (newInputs.TryDequeue(out var n))
            {
                Take(o, n);
            }
        }

        foreach (var o in old.Where(o => !o.IsInput && !oldToNew.ContainsKey(o)))
        {
            var mappedInbound = o.Inbound.Select(name => Rename(name, old, oldToNew)).ToList();
            var best = @new.Where(n => !taken.Contains(n) && string.Equals(n.ClassName, o.ClassName, StringComparison.Ordinal))
                .OrderBy(n => n.Inbound.SequenceEqual(mappedInbound, StringComparer.Ordinal) ? 0 : 1)
                .ThenBy(n => Math.Abs(n.Position - o.Position))
                .ThenBy(n => n.Position)
                .FirstOrDefault();
            if (best is not null)
            {
                Take(o, best);
            }
        }

        var sequential = old.Concat(@new).All(f => f.Spec is null || f.Spec.Calls.Count == 0);
        var pairs = new List<(LayerFacts?, LayerFacts?, PairingKind)>();
        var newToOld = oldToNew.ToDictionary(p => p.Value, p => p.Key);
        foreach (var n in @new)
        {
            if (newToOld.TryGetValue(n, out var o))
            {
                pairs.Add((o, n, string.Equals(o.Name, n.Name, StringComparison.Ordinal) ? PairingKind.Name : PairingKind.Inferred));
            }
            else if (!(sequential && n.IsInput))
            {
                pairs.Add((null, n, PairingKind.Added));
            }
        }

        // A removed layer goes where it stood: after the pair of the OLD layer before it.
        var placed = old.Where(oldToNew.ContainsKey).ToHashSet();
        foreach (var o in old.Where(o => !oldToNew.ContainsKey(o) && !(sequential && o.IsInput)))
        {
            var before = old.Take(o.Position).LastOrDefault(placed.Contains);
            var index = before is null ? 0 : pairs.FindIndex(x => x.Item1 == before) + 1;
            pairs.Insert(index, (o, null, PairingKind.Removed));
            placed.Add(o);
        }

        return pairs;
    }

    /// <summary>The NEW name of an OLD layer, once paired; its own name otherwise.</summary>
    public static string Rename(string oldName, IReadOnlyList<LayerFacts> old, IReadOnlyDictionary<LayerFacts, LayerFacts> oldToNew)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(oldToNew);
        var layer = old.FirstOrDefault(o => string.Equals(o.Name, oldName, StringComparison.Ordinal));
        return layer is not null && oldToNew.TryGetValue(layer, out var n) ? n.Name : oldName;
    }

    private static IEnumerable<(LayerFacts Old, LayerFacts New)> ByAutomaticNames(IReadOnlyList<LayerFacts> old, IReadOnlyList<LayerFacts> @new)
    {
        foreach (var group in old.Where(o => !o.IsInput).GroupBy(o => o.ClassName, StringComparer.Ordinal))
        {
            var before = group.ToList();
            var after = @new.Where(n => string.Equals(n.ClassName, group.Key, StringComparison.Ordinal)).ToList();
            if (before.Count != after.Count || before.Select(b => b.Name).SequenceEqual(after.Select(a => a.Name), StringComparer.Ordinal))
            {
                continue;
            }

            var stems = before.Concat(after).Select(f => AutomaticName().Match(f.Name)).Select(m => m.Success ? m.Groups["stem"].Value : null).Distinct().ToList();
            if (stems.Count != 1 || stems[0] is not { } stem || stem != SnakeCase(group.Key))
            {
                continue;
            }

            for (var i = 0; i < before.Count; i++)
            {
                yield return (before[i], after[i]);
            }
        }
    }

    /// <summary>Keras' automatic name of a class: <c>Conv1D</c> → <c>conv1d</c>, <c>SimpleRNN</c> → <c>simple_rnn</c>.</summary>
    public static string SnakeCase(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        var intermediate = FirstCap().Replace(className, "$1_$2");
        return AllCap().Replace(intermediate, "$1_$2").ToLowerInvariant();
    }

    [GeneratedRegex("^(?<stem>[a-z0-9_]+?)(_[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AutomaticName();

    [GeneratedRegex("(.)([A-Z][a-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstCap();

    [GeneratedRegex("([a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex AllCap();
}
