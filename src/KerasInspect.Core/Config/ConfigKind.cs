namespace KerasInspect.Core.Config;

public enum ConfigKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}
