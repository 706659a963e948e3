namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// A query-side thesaurus: everyday words (both languages, chat slang, abbreviations) that no card uses, mapped to the
/// ordinary words the cards do use. It is general vocabulary, not a fix for one question: "cleanup", "midnight", "비번",
/// "먹통", "spin up" mean what the cards say with "delete", "night", "비밀번호", "응답 없음", "deploy". Replacements are
/// never concept names (that would bypass the name logic) and are applied only to words the index does not know.
/// Keys and replacements are written as people type them and analysed with the engine's own tokenizer and stemmer,
/// so they meet the question's words in the same form.
/// </summary>
internal static class Synonyms
{
    /// <summary>Each group: words with one meaning → the card words for it, best first.</summary>
    private static readonly (string Words, string Replacements)[] Groups =
    [
        // Time of day and calendar: scheduled work is described with night/daily/weekly/schedule. Not "weekend"/"주말": alone
        // they are small talk ("주말에 뭐 하세요?"), not a schedule.
        ("dusk dawn overnight 밤중 한밤중 심야 저녁 noon afternoon 오후 오전 새벽녘 한밤", "night schedule"),
        ("tuesday wednesday thursday saturday", "weekly monday schedule"),
        ("화요일 수요일 목요일 금요일 토요일 평일 격주", "매주 월요일 스케줄"),
        ("quarterly biweekly 월말 월초 분기 연말 연초", "schedule periodic"),
        ("recurrence routinely 정기적 타이머", "schedule periodic"),

        // Cleaning up: the cards talk about deleting and removing.
        ("wipe prune tidy erase trash junk 쓰레기 잔여 찌꺼기", "delete remove"),
        ("청소 소거", "삭제 지우"),
        ("stale outdated obsolete leftover leftovers", "old"),

        // Failure: crashing, hanging, not responding.
        ("crash crashes crashing crashed dying dead broke segfault 튕기 튕겨 튕김 꺼지 꺼져 꺼졌", "failure restart"),
        ("freeze freezes freezing 무응답 응답없", "hung respond"),
        ("먹통 먹통됨 뻗어 뻗었 뻗음 뻗 터지 터져 터졌 죽다", "응답 장애 재시작"),
        ("relaunch respawn", "restart"),
        ("breakdown malfunction", "failure"),

        // Losing data: questions ask how to keep it ("안 날아가게"), which the cards call keeping and preserving.
        ("날아가 날아갔 날라가 날라갔 유실 소실 증발 vanish vanishes", "보존 유지 keep"),

        // Secrets: passwords, keys and credentials under other names.
        ("pw pwd passwd passphrase passcode 비밀키 개인키 privatekey keyfile 인증키 jwt oauth 시크릿값 토큰값", "비밀번호 password"),
        ("creds cred 크리덴셜 인증정보 계정정보 apikey 시크릿키 secretkey 액세스키 accesskey 자격증명 접속정보", "credential 자격 증명 token"),
        ("cleartext hardcode", "민감 sensitive 암호화"),

        // Deploying and running: slang for starting an app.
        ("spin launch 론칭 런칭 릴리즈 boot booting 실행시키 구동", "배포 띄우"),
        ("배포판", "버전 version"),

        // Storage: other names for disks and volumes.
        ("drive drives 하드디스크 저장공간 efs nas san ceph iscsi 블록스토리지 영속", "disk storage 디스크"),
        ("용량부족 꽉", "용량 capacity"),

        // Scaling: growing and shrinking with demand.
        ("늘어나 늘 늘었 늘어 스케일아웃 upscale 불어나 불어났 많아졌", "늘리 증가 확장"),
        ("surge surges burst bursts 폭증 급증", "증가 traffic spike"),
        ("downscale 감소", "scale 확장"),

        // Networking: reaching an app over the network.
        ("ping pings communicate communicates communication", "접속 reach"),

        // Permissions: who may do what.
        ("authorize authorise authorized 허락 sudo 인가받", "permission 권한"),
        ("refuse 거절", "forbidden 권한"),

        // Configuration: settings under other names.
        ("cfg 환경설정 세팅 param params toggle toggles knob knobs", "설정 config"),
        ("envvar envvars 환경변수", "env 변수 variable"),

        // Slowness and resource pressure.
        ("laggy lag lagging sluggish 렉 버벅 버벅여 버벅거려 느릿 latency", "slow 느려"),
        ("heap 힙", "memory 메모리"),

        // Servers and machines.
        ("box boxes baremetal droplet 물리서버", "machine server"),

        // Isolation and tenancy.
        ("부서 department departments", "team 팀"),
        ("sandbox sandboxed", "isolate 격리"),

        // One-off work: run once and finish.
        ("oneoff oneshot 단발 adhoc 즉석", "once 일회성"),
        ("etl ingest ingestion", "data process"),

        // Order and waiting before the app starts.
        ("precondition beforehand", "first 먼저"),

        // Going back to an earlier version.
        ("원복 원상복구 되살리", "rollback 롤백"),

        // Environments: the stages a team separates.
        ("qa 검증계", "environment 환경"),

        // Patching and servicing machines.
        ("정비 hotfix", "maintenance 점검"),

        // Health: whether an app is alive.
        ("생존", "health 상태"),

        // New versions under other names.
        ("새버전 신버전 newer", "version 버전"),

        // Monitoring and logs.
        ("지표 observability", "monitor 모니터링"),
        ("로깅 stdout stderr 로그파일 logfile", "log 로그"),
    ];

    private static readonly Dictionary<string, string[]> Table = Build();

    /// <summary>Every entry as the engine analyses it: a word's stem → replacement terms (analysed the same way).</summary>
    public static IReadOnlyDictionary<string, string[]> Entries => Table;

    /// <summary>The replacement terms for an analysed word, or null when it has none.</summary>
    public static string[]? Lookup(string stem) => Table.GetValueOrDefault(stem);

    private static Dictionary<string, string[]> Build()
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (words, replacements) in Groups)
        {
            var terms = replacements.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Analyse).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Analyse(word) is { } stem && !terms.Contains(stem))
                {
                    table.TryAdd(stem, terms);
                }
            }
        }

        return table;
    }

    /// <summary>The stem the engine gives a single word, or null for a stop word.</summary>
    private static string? Analyse(string word)
    {
        var tokens = Tokenizer.Tokenize(word);
        return tokens.Count > 0 && tokens[0].IsContent ? tokens[0].Stem : null;
    }
}
