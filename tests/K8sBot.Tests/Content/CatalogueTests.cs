using K8sBot.Content;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Tests.Support;

namespace K8sBot.Tests.Content;

/// <summary>The real curriculum in content/: counts, order and the linter's verdict.</summary>
public sealed class CatalogueTests
{
    private static readonly ContentLoadResult Loaded = ContentLoader.Load(RepositoryPaths.Content);

    [Fact]
    public void The_whole_catalogue_loads_without_problems()
    {
        Assert.Empty(Loaded.Problems);
        Assert.Equal(43, Loaded.Catalog.Concepts.Count);
    }

    [Fact]
    public void Every_required_concept_exists_with_seven_or_more_questions_in_both_languages()
    {
        foreach (var id in Curriculum.RequiredIds)
        {
            var card = Loaded.Catalog.Find(id);
            Assert.NotNull(card);
            Assert.True(Loaded.Catalog.QuestionsFor(id).Count >= 7, $"{id} has {Loaded.Catalog.QuestionsFor(id).Count} questions");
            Assert.True(LangExtensions.ContainsHangul(card.Ko.Title), id);
            Assert.False(LangExtensions.ContainsHangul(card.En.Definition), id);
        }

        Assert.True(Loaded.Catalog.Questions.Count > 300);
    }

    [Fact]
    public void The_curriculum_starts_with_the_eight_concepts_our_users_began_from()
    {
        Assert.Equal(Curriculum.StarterIds, Loaded.Catalog.Concepts.Take(8).Select(c => c.Id));
    }

    [Fact]
    public void Related_concepts_come_from_the_catalogue()
    {
        var ids = Loaded.Catalog.Concepts.Select(c => c.Id).ToHashSet();
        Assert.All(Loaded.Catalog.Concepts, c => Assert.All(c.Related, r => Assert.Contains(r, ids)));
    }

    [Fact]
    public void The_linter_passes_on_the_real_content()
    {
        var problems = new ContentLinter([]).Lint(RepositoryPaths.Content, requireFullCurriculum: true);
        Assert.Empty(problems);
    }

    [Fact]
    public void The_linter_catches_a_misspelt_manifest_field_and_a_missing_concept()
    {
        using var temp = new TempFolder();
        CopyDirectory(RepositoryPaths.Content, temp.Path);
        var pod = Path.Combine(temp.Path, "concepts", "pod.yaml");
        File.WriteAllText(pod, File.ReadAllText(pod).Replace("containers:", "containerz:", StringComparison.Ordinal));
        File.Delete(Path.Combine(temp.Path, "concepts", "etcd.yaml"));

        var problems = new ContentLinter([]).Lint(temp.Path, requireFullCurriculum: true);

        Assert.Contains(problems, p => p.File.EndsWith("pod.yaml", StringComparison.Ordinal) && p.Message.Contains("strictly", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'etcd' is missing", StringComparison.Ordinal));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
