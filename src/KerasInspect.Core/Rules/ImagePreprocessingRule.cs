using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Image preprocessing and augmentation layers, none with weights: <c>Resizing</c>, <c>CenterCrop</c> and
/// <c>RandomCrop</c> set height and width to the config's; <c>RandomHeight</c>/<c>RandomWidth</c> make that axis unknown;
/// <c>Rescaling</c> and the other random augmentations keep the input's shape. Height and width are the axes before the
/// channels (after them with <c>data_format: channels_first</c>), on batched or unbatched images.
/// </summary>
internal sealed class ImagePreprocessingRule : ILayerRule
{
    private static readonly string[] SetsSize = ["Resizing", "CenterCrop", "RandomCrop"];

    public IReadOnlyList<string> ClassNames =>
    [
        .. SetsSize, "RandomHeight", "RandomWidth", "Rescaling", "RandomFlip", "RandomRotation", "RandomZoom",
        "RandomTranslation", "RandomContrast", "RandomBrightness", "RandomGrayscale", "RandomHue", "RandomSaturation",
        "RandomSharpness", "RandomColorJitter", "RandomColorDegeneration", "RandomPosterization", "RandomInvert",
        "RandomErasing", "RandomGaussianBlur", "RandomPerspective", "RandomElasticTransform", "AutoContrast",
        "Equalization", "Solarization", "RandAugment", "AugMix",
    ];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var className = context.Layer.ClassName;
        if (className == "Rescaling" || (!SetsSize.Contains(className) && className is not ("RandomHeight" or "RandomWidth")))
        {
            return LayerPlan.Weightless(input);
        }

        if (input.Rank is not (3 or 4))
        {
            throw context.Invalid($"{className} expects images of rank 3 or 4, got {input}", null);
        }

        var channelsFirst = context.ChannelsFirst();
        var height = input.Rank - (channelsFirst ? 2 : 3);
        var dims = input.Dimensions.ToArray();
        switch (className)
        {
            case "RandomHeight":
                dims[height] = null;
                break;
            case "RandomWidth":
                dims[height + 1] = null;
                break;
            default:
                dims[height] = context.Long("height");
                dims[height + 1] = context.Long("width");
                break;
        }

        return LayerPlan.Weightless(new Shape(dims));
    }
}
