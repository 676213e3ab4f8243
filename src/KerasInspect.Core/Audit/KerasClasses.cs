namespace KerasInspect.Core.Audit;

/// <summary>
/// Keras' built-in layer and model classes (Keras 1, 2, 3 and TF.js names). A class outside this list, and without a
/// rule, comes from code outside Keras: loading the model would run it.
/// </summary>
internal static class KerasClasses
{
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "InputLayer", "Dense", "EinsumDense", "Embedding", "Activation", "Dropout", "SpatialDropout1D", "SpatialDropout2D",
        "SpatialDropout3D", "AlphaDropout", "GaussianDropout", "GaussianNoise", "ActivityRegularization", "Masking", "Lambda",
        "Flatten", "Reshape", "Permute", "RepeatVector", "Cropping1D", "Cropping2D", "Cropping3D", "UpSampling1D",
        "UpSampling2D", "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Conv1D", "Conv2D", "Conv3D",
        "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D",
        "DepthwiseConv2D", "LocallyConnected1D", "LocallyConnected2D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
        "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D",
        "GlobalMaxPooling3D", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "SimpleRNN",
        "LSTM", "GRU", "RNN", "SimpleRNNCell", "LSTMCell", "GRUCell", "StackedRNNCells", "PeepholeLSTMCell", "ConvLSTM1D",
        "ConvLSTM2D", "ConvLSTM3D", "CuDNNLSTM", "CuDNNGRU", "Bidirectional", "TimeDistributed", "BatchNormalization",
        "LayerNormalization", "GroupNormalization", "UnitNormalization", "Normalization", "Attention", "AdditiveAttention",
        "MultiHeadAttention", "GroupQueryAttention", "Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum",
        "Minimum", "Dot", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax", "ThresholdedReLU", "Sequential", "Model",
        "Functional", "Rescaling", "Resizing", "CenterCrop", "TextVectorization", "StringLookup", "IntegerLookup",
        "Discretization", "CategoryEncoding", "Hashing", "Identity", "Merge", "Convolution1D", "Convolution2D",
        "Convolution3D", "Deconvolution2D", "AtrousConvolution1D", "AtrousConvolution2D", "SeparableConvolution2D",
        "TimeDistributedDense", "MaxoutDense", "Highway", "UnifiedLSTM", "UnifiedGRU", "BatchNormalizationV1",

        // tf.keras' TensorFlow-op layers (keras/layers/core/tf_op_layer.py): their config names a TF function, no code
        "TFOpLambda", "SlicingOpLambda", "ClassMethod", "InstanceMethod", "InstanceProperty",

        // preprocessing and augmentation (tf.keras 2.x, Keras 3)
        "RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast", "RandomCrop", "RandomBrightness",
        "RandomHeight", "RandomWidth", "RandomGrayscale", "RandomHue", "RandomSaturation", "RandomSharpness", "RandomColorJitter",
        "RandomColorDegeneration", "RandomPosterization", "RandomInvert", "RandomErasing", "RandomGaussianBlur", "RandomPerspective",
        "RandomElasticTransform", "AutoContrast", "Equalization", "Solarization", "RandAugment", "AugMix", "MixUp", "CutMix",
        "HashedCrossing", "MelSpectrogram", "STFTSpectrogram", "Pipeline",

        // further Keras 2 / 3 built-ins
        "GroupedQueryAttention", "RMSNormalization", "SpectralNormalization", "SyncBatchNormalization", "AbstractRNNCell",
        "DenseFeatures", "Wrapper",
    };

    /// <summary>
    /// The module prefixes Keras' own classes are serialized with, besides every <c>keras…</c> module (Keras 3, tf.keras
    /// 2.13+ <c>keras.src.layers.core.tf_op_layer</c>, Keras Core, KerasHub): the tf-keras package (<c>tf_keras</c>) and
    /// TensorFlow's bundled copy (<c>tensorflow.keras</c>, <c>tensorflow.python.keras</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> Modules = ["tf_keras", "tensorflow.keras", "tensorflow.python.keras"];

    /// <summary>True for a module that is Keras' own: a <c>keras…</c> module, one of <see cref="Modules"/> or a sub-module of one.</summary>
    public static bool IsKerasModule(string module) =>
        module.StartsWith("keras", StringComparison.Ordinal)
        || Modules.Any(m => module == m || module.StartsWith(m + ".", StringComparison.Ordinal));
}
