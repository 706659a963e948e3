using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>Captures every formatted log line (and exception text) so tests can check what reaches the logs.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public Recorder<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
