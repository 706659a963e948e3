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
        ("midnight evening dusk dawn overnight 자정 밤중 한밤중 야간 심야 저녁", "night schedule"),
        ("sunday tuesday wednesday thursday friday saturday weekday weekdays", "weekly monday schedule"),
        ("일요일 화요일 수요일 목요일 금요일 토요일 평일 주간", "매주 월요일 스케줄"),
        ("monthly yearly annually quarterly biweekly 매달 매월 매년 월말 월초 분기", "schedule periodic"),
        ("timer scheduler scheduling recurrence repeat repeating repeatedly regularly routinely 반복 정기적 주기 예약 타이머", "schedule periodic"),

        // Cleaning up: the cards talk about deleting and removing.
        ("cleanup purge wipe prune tidy erase", "delete remove"),
        ("청소 소거 비우", "삭제 지우"),
        ("stale outdated obsolete leftover leftovers expired", "old"),

        // Failure: crashing, hanging, not responding.
        ("crash crashes crashing crashed dies dying dead", "failure restart"),
        ("freeze freezes freezing hang hangs hanging unresponsive", "hung respond"),
        ("먹통 멈춰 멈췄 멈춘 먹통됨 뻗어 뻗었 뻗음 뻗 터지 터져 터졌 죽다", "응답 장애 재시작"),
        ("restarting reboots relaunch respawn", "restart"),
        ("outage downtime breakdown malfunction", "failure"),

        // Losing data: it disappears unless it is kept.
        ("날아가 날아갔 날라가 날라갔 유실 소실 증발 lost lose loses losing vanish vanishes disappear disappears gone wiped", "사라 보존 keep"),

        // Secrets: passwords, keys and credentials under other names.
        ("비번 패스워드 암호 pw pwd passwd passphrase passcode", "비밀번호 password"),
        ("creds cred 크리덴셜 인증정보 계정정보 login 로그인 apikey 시크릿키 secretkey 액세스키 accesskey", "credential 자격 증명 token"),
        ("평문 plaintext cleartext 하드코딩 hardcode hardcoded hardcoding", "민감 sensitive 암호화"),

        // Deploying and running: slang for starting an app.
        ("spin launch deploying rollout 띄워 배포하 론칭 런칭 올려 릴리즈 release releases shipping ship", "배포 띄우"),
        ("깔 깔아 깔았 까는 설치해", "설치 install"),
        ("배포판 빌드 build builds", "버전 version"),

        // Storage: other names for disks and volumes.
        ("drive drives ebs ssd hdd 하드 하드디스크 스토리지 저장공간 파일시스템 filesystem", "disk storage 디스크"),
        ("용량부족 꽉 full 가득", "용량 capacity"),

        // Scaling: growing and shrinking with demand.
        ("늘어나 늘 늘었 늘어 증설 스케일아웃 upscale", "늘리 증가 확장"),
        ("surge surges spike spikes burst bursts 폭증 급증 몰려 몰리 몰림", "증가 traffic spike"),
        ("줄어 줄이 축소 shrink downscale", "scale 확장"),

        // Networking: reaching an app over the network.
        ("통신 연동 ping pings", "접속 reach"),
        ("endpoint url urls 주소 address addresses", "접속 주소 address"),

        // Permissions: who may do what.
        ("privilege privileges rights authorize authorise authorized 인가 허락", "permission 권한"),
        ("deny denied refuse refused reject rejected 거부 거절", "forbidden 권한"),

        // Configuration: settings under other names.
        ("settings setting conf cfg properties 환경설정 config파일 세팅", "설정 config"),
        ("envvar envvars 환경변수", "env 변수 variable"),

        // Slowness and resource pressure.
        ("laggy lag lagging sluggish 렉 버벅 버벅여 버벅거려", "slow 느려"),
        ("ram 램", "memory 메모리"),

        // Servers and machines.
        ("host hosts vm vms 서버들 인스턴스 instance instances box boxes", "machine server"),

        // Isolation and tenancy.
        ("tenant tenants 테넌트 부서 department departments", "team 팀"),
        ("sandbox sandboxed", "isolate 격리"),

        // One-off work: run once and finish.
        ("oneoff one-shot oneshot 일회 단발 한번만 한번", "once 일회성"),
        ("csv etl import imports ingest ingestion", "data process"),

        // Order and waiting before the app starts.
        ("prerequisite prerequisites precondition beforehand 선행 사전", "first 먼저"),

        // Monitoring and logs.
        ("metrics metric 메트릭 지표 observability", "monitor 모니터링"),
        ("logging 로깅 로그들", "log 로그"),
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
