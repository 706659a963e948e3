namespace K8sBot.Core.Localization;

/// <summary>The two languages the bot speaks. Korean is the default.</summary>
public enum Lang
{
    Ko,
    En,
}
