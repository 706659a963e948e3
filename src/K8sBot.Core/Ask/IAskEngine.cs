using K8sBot.Core.Localization;

namespace K8sBot.Core.Ask;

/// <summary>Understands a question and picks concepts from the catalogue. Pure and thread-safe.</summary>
public interface IAskEngine
{
    AskAnswer Answer(string question, Lang lang);
}
