namespace K8sBot.Core.Content;

public sealed record ContentLoadResult(ContentCatalog Catalog, IReadOnlyList<ContentProblem> Problems);
