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
    };
}
