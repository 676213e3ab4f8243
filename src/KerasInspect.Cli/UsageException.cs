namespace KerasInspect.Cli;

/// <summary>Bad arguments: the message is printed with a pointer to <c>--help</c> and the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
