namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Products and technologies that are not Kubernetes (terraform, github actions, spring boot, redis, git …). When one
/// is in a question that names no Kubernetes concept and gives no Kubernetes context, it is the question's topic: the
/// cards may share words with it (secrets, logs, keys), but no card explains it, so it counts as an unexplained word
/// and, when it comes first, the question is declined. "redis를 statefulset으로", "nginx ingress" or "kafka on
/// kubernetes" name a concept or the platform, so they are still answered.
/// </summary>
internal static class ForeignTopics
{
    private const int MaxWindow = 3;

    /// <summary>Names with spaces and punctuation removed, as the tokenizer joins them.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "terraform", "테라폼", "ansible", "앤서블", "pulumi", "githubactions", "github", "깃허브", "깃헙", "gitlab", "깃랩", "bitbucket",
        "jenkins", "젠킨스", "circleci", "dockercompose", "도커컴포즈", "dockerfile", "도커파일", "dockerswarm", "swarm",
        "springboot", "스프링부트", "스프링", "spring", "django", "장고", "flask", "플라스크", "fastapi", "rails", "laravel", "express",
        "react", "리액트", "vue", "뷰js", "nextjs", "angular", "nodejs", "노드js", "redis", "레디스", "kafka", "카프카", "rabbitmq",
        "mysql", "마이sql", "postgres", "postgresql", "포스트그레스", "mongodb", "몽고db", "몽고디비", "elasticsearch", "엘라스틱서치",
        "aws", "iam", "lambda", "람다", "ec2", "s3", "rds", "cloudfront", "gcp", "azure", "git", "깃", "nginx", "엔진엑스", "apache",
        "golang", "python", "파이썬", "java", "자바", "javascript", "typescript", "jira", "지라", "confluence", "컨플루언스", "excel",
        "엑셀", "vscode", "intellij", "webpack", "npm", "gradle", "maven", "메이븐", "그래들", "jvm", "pandas", "판다스", "numpy", "넘파이",
        "matplotlib", "pytorch", "파이토치", "tensorflow", "텐서플로", "cuda", "쿠다", "airflow", "에어플로우",
        "oracle", "오라클", "sap", "outlook", "아웃룩", "vpn", "sonarqube", "소나큐브", "grafana", "그라파나", "pagerduty",
        "페이저듀티", "cloudflare", "클라우드플레어", "route53",
        "helm", "헬름", "istio", "이스티오", "linkerd", "링커디", "envoy", "servicemesh", "서비스메시", "서비스메쉬", "virtualservice",
    };

    /// <summary>
    /// Products people run on Kubernetes (databases, web servers, web frameworks): a question that starts with one and
    /// goes on with strong Kubernetes evidence ("our postgres replicas each need a stable hostname and their own disk")
    /// is about running it, not about the product.
    /// </summary>
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal)
    {
        "redis", "레디스", "kafka", "카프카", "rabbitmq", "mysql", "마이sql", "postgres", "postgresql", "포스트그레스", "mongodb",
        "몽고db", "몽고디비", "elasticsearch", "엘라스틱서치", "nginx", "엔진엑스", "apache", "django", "장고", "flask", "플라스크",
        "fastapi", "rails", "laravel", "express", "nextjs", "nodejs", "노드js",
    };

    /// <summary>
    /// Concept names that are also ordinary words other tools use: GitHub Actions has secrets, Docker Compose has
    /// volumes, a Java app is a service. After a foreign product they name that product's thing, not the card.
    /// </summary>
    private static readonly HashSet<string> SharedWords = new(StringComparer.Ordinal)
    {
        "secret", "volume", "service", "node", "job", "label", "role", "annotation", "deployment", "controller", "operator",
        "selector", "probe", "namespace", "시크릿", "볼륨", "서비스", "노드", "잡", "라벨", "레이블", "롤", "배포", "apiserver",
        "api서버",
    };

    /// <summary>Words that put a question on Kubernetes even when it names no concept ("kafka on kubernetes").</summary>
    private static readonly HashSet<string> Context = new(StringComparer.Ordinal)
    {
        "kubernetes", "k8s", "kube", "쿠버네티스", "쿠버", "cluster", "클러스터",
    };

    /// <summary>
    /// Marks the tokens that belong to a foreign technology name. Returns false (nothing marked) when the question
    /// gives Kubernetes context, unless <paramref name="ignoreContext"/>.
    /// </summary>
    public static bool Mark(List<QueryToken> tokens, Span<bool> foreign, bool ignoreContext = false)
    {
        var any = false;
        Span<char> buffer = stackalloc char[96];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!ignoreContext && (Context.Contains(token.Text) || Context.Contains(token.Stem) || (token.Script == Script.Hangul && StartsWithContext(token.Text))))
            {
                foreign.Clear();
                return false;
            }

            var length = 0;
            for (var w = 0; w < MaxWindow && i + w < tokens.Count; w++)
            {
                var text = tokens[i + w].Text;
                if (length + text.Length > buffer.Length)
                {
                    break;
                }

                text.CopyTo(buffer[length..]);
                length += text.Length;
                if (Matches(buffer[..length], tokens[i + w], length - text.Length))
                {
                    foreign.Slice(i, w + 1).Fill(true);
                    any = true;
                }
            }
        }

        return any;
    }

    /// <summary>The marked word at <paramref name="index"/> starts or is part of a product people run on Kubernetes.</summary>
    public static bool IsWorkload(List<QueryToken> tokens, int index)
    {
        var token = tokens[index];
        if (Workloads.Contains(token.Text) || Workloads.Contains(token.Stem))
        {
            return true;
        }

        // "spring boot", "next js": the words joined.
        return index + 1 < tokens.Count && Workloads.Contains(token.Text + tokens[index + 1].Stem);
    }

    /// <summary>
    /// "the role of kube-proxy", "the job of the scheduler": a concept word followed by "of" is the English noun for a
    /// duty, not the Role or Job object.
    /// </summary>
    public static bool IsDutyNoun(List<QueryToken> tokens, NameHit hit) =>
        hit.Length == 1 && hit.Start + 1 < tokens.Count && tokens[hit.Start + 1].Text == "of"
        && tokens[hit.Start].Stem is "role" or "job";

    /// <summary>"secrets in github actions": a preposition that puts the name inside the product that follows.</summary>
    public static bool IsInside(in QueryToken token) => token.Text is "in" or "inside" or "within";

    /// <summary>The name is a word that other tools use too (<c>secret</c>, <c>volume</c>, <c>서비스</c>, <c>api 서버</c>).</summary>
    public static bool IsSharedWord(List<QueryToken> tokens, NameHit hit)
    {
        if (hit.Length == 1)
        {
            return SharedWords.Contains(tokens[hit.Start].Stem) || SharedWords.Contains(tokens[hit.Start].Text);
        }

        // "api 서버랑": the words joined, the last one without its particles.
        var joined = string.Concat(tokens.GetRange(hit.Start, hit.Length - 1).Select(t => t.Text)) + tokens[hit.Start + hit.Length - 1].Stem;
        return SharedWords.Contains(joined);
    }

    private static bool StartsWithContext(string text) =>
        text.StartsWith("쿠버네티스", StringComparison.Ordinal) || text.StartsWith("클러스터", StringComparison.Ordinal);

    /// <summary>The joined window is a name, or is one followed by Korean particles (레디스를, 스프링부트에서).</summary>
    private static bool Matches(ReadOnlySpan<char> joined, in QueryToken last, int lastStart)
    {
        var lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(joined))
        {
            return true;
        }

        if (last.Script == Script.Latin && last.Stem.Length < last.Text.Length)
        {
            return lookup.Contains(joined[..(lastStart + last.Stem.Length)]);
        }

        if (last.Script == Script.Hangul)
        {
            for (var k = last.Text.Length - 1; k >= 1 && k < 64; k--)
            {
                if ((last.Cuts & (1UL << k)) != 0 && lookup.Contains(joined[..(lastStart + k)]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
