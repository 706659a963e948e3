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

        // Managed cloud services. Kubernetes offerings (eks, gke, aks) are context instead; the load balancers (elb, alb,
        // nlb) and disks (ebs, efs) are what Services, Ingresses and volumes create, so they stay out.
        "aurora", "오로라", "dynamodb", "다이나모db", "다이나모디비", "sqs", "sns", "ecr", "ecs", "fargate", "파게이트", "cloudwatch",
        "클라우드워치", "secretsmanager", "secretmanager", "시크릿매니저", "parameterstore", "파라미터스토어", "ssm", "kms", "vpc",
        "cloudformation", "클라우드포메이션", "cdk", "elasticbeanstalk", "beanstalk", "빈스톡", "lightsail", "라이트세일", "sagemaker",
        "세이지메이커", "redshift", "레드시프트", "athena", "kinesis", "키네시스", "eventbridge", "stepfunctions", "cognito", "코그니토",
        "elasticache", "엘라스티캐시", "amplify", "googlecloud", "구글클라우드", "bigquery", "빅쿼리", "cloudrun", "클라우드런", "gcs",
        "pubsub", "cloudfunctions", "cloudsql", "firebase", "파이어베이스", "firestore", "appengine", "spanner", "cosmosdb",
        "코스모스db", "blobstorage", "azurefunctions", "akamai", "아카마이", "fastly", "cdn", "heroku", "헤로쿠", "vercel", "버셀",
        "netlify", "digitalocean",

        // Monitoring, logging and alerting. Prometheus, Datadog, Fluentd, Fluent Bit and node exporter stay out: the
        // cards name them as the agents a DaemonSet runs and what annotations configure.
        "promql", "alertmanager", "kibana", "키바나", "loki", "로키", "logstash", "로그스태시", "splunk", "스플렁크", "newrelic",
        "뉴렐릭", "sentry", "센트리", "opsgenie", "옵스지니", "zabbix", "자빅스", "nagios", "elk", "jaeger", "예거",

        // CI/CD, GitOps and registries: they deploy to Kubernetes, but no card explains them (as with helm).
        "argo", "argocd", "아르고", "아르고cd", "fluxcd", "spinnaker", "tekton", "bamboo", "teamcity", "travis", "travisci",
        "githubaction", "깃허브액션", "깃헙액션", "harbor", "하버", "dockerhub", "도커허브", "nexus", "넥서스", "artifactory",
        "아티팩토리", "jfrog", "gcr", "sonarcloud", "vault", "hashicorp", "하시코프", "consul", "nomad", "packer", "vagrant",
        "keycloak", "키클록", "okta", "auth0", "postman", "포스트맨",

        // Databases offered as a service or embedded, and analytics stores (tools, not workloads).
        "snowflake", "스노우플레이크", "sqlite", "databricks", "데이터브릭스", "supabase", "tableau", "태블로",

        // Databases, brokers and servers people run on Kubernetes (also in Workloads).
        "mariadb", "마리아db", "마리아디비", "cassandra", "카산드라", "mssql", "sqlserver", "memcached", "opensearch", "clickhouse",
        "influxdb", "couchdb", "neo4j", "activemq", "pulsar", "tomcat", "톰캣", "haproxy", "wordpress", "워드프레스", "minio", "미니오",

        // Operating systems, desktops and networks. Linux, systemd/systemctl, ssh, cron and dns stay out: the kubelet,
        // kube-proxy, Secret and CronJob cards use them.
        "windows", "윈도우", "윈도우즈", "macos", "맥os", "macbook", "맥북", "ubuntu", "우분투", "centos", "센토스", "wsl", "homebrew",
        "brew", "wifi", "와이파이", "wireguard", "openvpn",

        // Office and collaboration tools ("teams" stays out: the cards speak of teams sharing a cluster; English "notion"
        // is an ordinary word).
        "slack", "슬랙", "노션", "msteams", "zoom", "googlesheets", "구글시트", "구글스프레드시트", "googledocs", "구글독스",
        "figma", "피그마", "powerpoint", "파워포인트", "trello", "트렐로", "gmail", "지메일", "카톡", "카카오톡", "salesforce",

        // Languages, frameworks, SDKs and package tools ("go" alone is an English verb: golang stays the spelling).
        "rust", "러스트", "kotlin", "코틀린", "swift", "스위프트", "csharp", "dotnet", "닷넷", "ruby", "루비", "php", "scala", "스칼라",
        "고랭", "unity", "유니티", "android", "안드로이드", "ios", "xcode", "flutter", "플러터", "reactnative", "pip", "conda",
        "콘다", "anaconda", "아나콘다", "venv", "virtualenv", "poetry", "yarn", "pnpm", "vite", "babel", "eslint", "웹팩", "nuget",
        "cargo", "visualstudio", "pycharm",

        // Data and ML tools. Kubeflow and JupyterHub run on Kubernetes, but no card explains them; a question that
        // names a concept ("jupyter 노트북을 파드로") is still answered.
        "spark", "스파크", "hadoop", "하둡", "hive", "flink", "플링크", "mlflow", "kubeflow", "큐브플로우", "ray", "huggingface",
        "허깅페이스", "jupyter", "주피터", "jupyterhub", "keras", "케라스", "sklearn", "scikitlearn", "langchain", "랭체인", "openai",
        "chatgpt", "챗gpt", "dbt",
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
        "fastapi", "rails", "laravel", "express", "nextjs", "nodejs", "노드js", "mariadb", "마리아db", "마리아디비", "cassandra",
        "카산드라", "mssql", "sqlserver", "memcached", "opensearch", "clickhouse", "influxdb", "couchdb", "neo4j", "activemq", "pulsar",
        "tomcat", "톰캣", "haproxy", "wordpress", "워드프레스", "minio", "미니오",
    };

    /// <summary>
    /// Concept names that are also ordinary words other tools use: GitHub Actions has secrets, Docker Compose has
    /// volumes, a Java app is a service. After a foreign product they name that product's thing, not the card.
    /// </summary>
    private static readonly HashSet<string> SharedWords = new(StringComparer.Ordinal)
    {
        "secret", "volume", "service", "node", "job", "label", "role", "annotation", "deployment", "controller", "operator",
        "selector", "probe", "namespace", "시크릿", "볼륨", "서비스", "노드", "잡", "라벨", "레이블", "롤", "배포", "apiserver",
        "api서버", "serviceaccount", "서비스어카운트",
    };

    /// <summary>
    /// Products a Kubernetes object is often for: a registry's image-pull Secret, a Windows or Ubuntu node, a Slack channel
    /// in an annotation. They are topics of their own, but they do not own a shared word next to them.
    /// </summary>
    private static readonly HashSet<string> Neighbours = new(StringComparer.Ordinal)
    {
        "ecr", "gcr", "dockerhub", "도커허브", "harbor", "하버", "nexus", "넥서스", "artifactory", "아티팩토리", "jfrog", "windows",
        "윈도우", "윈도우즈", "ubuntu", "우분투", "centos", "센토스", "slack", "슬랙",
    };

    /// <summary>Words that put a question on Kubernetes even when it names no concept ("kafka on kubernetes").</summary>
    private static readonly HashSet<string> Context = new(StringComparer.Ordinal)
    {
        "kubernetes", "k8s", "kube", "쿠버네티스", "쿠버", "cluster", "클러스터", "eks", "gke", "aks", "k3s", "minikube", "openshift",
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

    /// <summary>The marked word at <paramref name="index"/> is a product that does not own the shared word near it.</summary>
    public static bool IsNeighbour(List<QueryToken> tokens, int index) =>
        Neighbours.Contains(tokens[index].Text) || Neighbours.Contains(tokens[index].Stem)
        || (index + 1 < tokens.Count && Neighbours.Contains(tokens[index].Text + tokens[index + 1].Stem))
        || (index > 0 && Neighbours.Contains(tokens[index - 1].Text + tokens[index].Stem));

    /// <summary>
    /// "the role of kube-proxy", "the job of the scheduler": a concept word followed by "of" is the English noun for a
    /// duty, not the Role or Job object.
    /// </summary>
    public static bool IsDutyNoun(List<QueryToken> tokens, NameHit hit) =>
        hit.Length == 1 && hit.Start + 1 < tokens.Count && tokens[hit.Start + 1].Text == "of"
        && tokens[hit.Start].Stem is "role" or "job";

    /// <summary>Git itself: its commit sha and branch are what people record on Kubernetes objects (annotations).</summary>
    public static bool IsMetadata(in QueryToken token) => token.Text is "git" or "깃";

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
