using System.Runtime.InteropServices;

namespace K8sBot.Benchmarks.Ask;

/// <summary>
/// CPU time of the calling thread (Linux getrusage RUSAGE_THREAD). The shared build machine runs
/// many jobs on two cores, so wall-clock time mostly measures waiting for a core; thread CPU time
/// measures the work.
/// </summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    public static bool Available => OperatingSystem.IsLinux();

    public static double Microseconds()
    {
        if (!Available || GetRusage(RusageThread, out var usage) != 0)
        {
            return 0;
        }

        return (usage.UserSeconds * 1e6) + usage.UserMicros + (usage.SystemSeconds * 1e6) + usage.SystemMicros;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NvCsw;
        public long NivCsw;
    }
}
