namespace K8sBot.Core.Quiz;

public enum MatchStop
{
    Stopped,
    NotRunning,
    NotAllowed,
}
