namespace K8sBot.Hosting.Redaction;

/// <summary>
/// Wraps the real logger providers so every message, structured value and exception text passes
/// through <see cref="SecretValues"/> before it is written. A belt to the braces of never logging
/// a token in the first place: an exception message from a library may still carry one.
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretValues secrets) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), secrets);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, SecretValues secrets) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = secrets.Redact(formatter(state, exception));
            var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is string s ? secrets.Redact(s) : p.Value)).ToList()
                : [];
            var redacted = new RedactedState(message, values);
            var safeException = exception is null ? null : new RedactedException(exception, secrets);
            inner.Log(logLevel, eventId, redacted, safeException, static (s, _) => s.Message);
        }
    }

    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
