using Microsoft.Extensions.Hosting;

namespace K8sBot.Core.Quiz;

/// <summary>Resumes rounds left running by a previous process on start; parks them on stop.</summary>
internal sealed class MatchResumer(MatchEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        engine.ResumeAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => engine.ShutdownAsync();
}
