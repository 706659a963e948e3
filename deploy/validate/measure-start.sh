#!/usr/bin/env bash
# Start-to-ready time and peak memory of the published app, started the way the image starts it
# (dotnet k8sbot.dll run, workstation GC, JSON logs, database in a fresh folder). Figures go to
# docs/benchmarks.md ("Deployment"). Usage: deploy/validate/measure-start.sh [runs]
#   CONTENT=/path/to/content  content folder (default: the repository's content/)
#   PUBLISH_ARGS="..."         extra publish arguments, e.g. ReadyToRun: -r linux-x64 --self-contained false -p:PublishReadyToRun=true
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
content="${CONTENT:-$root/content}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/src/K8sBot/K8sBot.csproj" -c Release -o "$work/app" -p:UseAppHost=false ${PUBLISH_ARGS:-} > "$work/publish.log"
echo "published to $work/app; content: $content"
tick=$(getconf CLK_TCK)
printf 'run  ready_ms  cpu_ms_to_ready  vmhwm_mib_ready  vmhwm_mib_after_200_scrapes\n'
for i in $(seq 1 "$runs"); do
  port=$((18800 + i))
  start=$(date +%s%N)
  Storage__Path="$work/data$i/k8sbot.db" Content__Path="$content" urls="http://127.0.0.1:$port" \
    DOTNET_gcServer=0 Logging__Console__FormatterName=json \
    dotnet "$work/app/k8sbot.dll" run > "$work/run$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/run$i.log"; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  hwm_ready=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  # CPU time (user + system) spent until ready: unlike wall time, it does not grow when other
  # processes share the cores.
  cpu_ms=$(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/metrics" > /dev/null; done
  hwm_after=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid"
  printf '%3d  %8d  %15d  %15.1f  %27.1f\n' "$i" "$ready_ms" "$cpu_ms" "$(echo "$hwm_ready/1024" | bc -l)" "$(echo "$hwm_after/1024" | bc -l)"
done
