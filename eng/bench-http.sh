#!/usr/bin/env bash
# The HTTP predict benchmark (docs/benchmarks.md, "HTTP predict"): MapPredictor's typed route against a minimal API
# over a PredictionEnginePool-style engine pool, on the same model, loaded by wrk on loopback, in interleaved rounds.
#
#   bash eng/bench-http.sh
#   ROUNDS=60 DURATION=3s bash eng/bench-http.sh
#
# Builds the benchmark project once (Release), trains the model once and writes it to a temporary folder, starts one
# server process per variant of VARIANTS on a free loopback port (pool = the baseline, always first; mlvalue =
# monitoring off; mlvalue-monitored; pool-answer = the baseline giving MlValue's answer, a diagnostic), warms each up,
# then runs ROUNDS rounds; each round runs
# `wrk -t1 -c$CONNECTIONS -d$DURATION` once against every variant, in an order that rotates from round to round.
# It prints, per variant, the median and 10th percentile of the rounds' requests per second and the medians of wrk's
# latency p50 and p99, and the server's CPU time per request (utime + stime from /proc/<pid>/stat over the round);
# then the median and 10th percentile of the per-round throughput ratio of each variant to the pool of the same round,
# the same for the ratio of CPU time per request (pool's over the variant's: above 1 means cheaper than the pool), and
# the load average (/proc/loadavg) before and after, and its range during the rounds.
#
# Settings (environment): ROUNDS (300), DURATION (1s), CONNECTIONS (8), WARMUP (10s per variant),
# VARIANTS ("mlvalue mlvalue-monitored"; pool is added first),
# PIN (1: wrk on the first CPU this shell may use, the servers on the second; 0: no pinning), OUT (a file to copy the
# per-round CSV to). Needs dotnet, wrk (Debian: apt-get install -y wrk) and taskset (util-linux) when pinning.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-300}
duration=${DURATION:-1s}
connections=${CONNECTIONS:-8}
warmup=${WARMUP:-10s}
others=${VARIANTS:-mlvalue mlvalue-monitored}
pin=${PIN:-1}
project="$root/bench/MlValue.Benchmarks"
lua="$project/Http/predict.lua"

fail() { echo "bench-http.sh: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is not installed (Debian: apt-get install -y wrk)."
command -v dotnet >/dev/null || fail "dotnet is not on PATH."

work=$(mktemp -d "${TMPDIR:-/tmp}/mlvalue-bench-http.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# CPUs: the list this shell may run on (taskset -cp prints ranges such as 0-1,4).
wrk_pin=()
server_pin=()
placement="not pinned"
if [ "$pin" = 1 ]; then
  command -v taskset >/dev/null || fail "taskset is not installed (util-linux); or run with PIN=0."
  cpus=()
  for part in $(taskset -cp $$ | sed 's/.*: *//' | tr ',' ' '); do
    if [[ $part == *-* ]]; then
      for ((c = ${part%-*}; c <= ${part#*-}; c++)); do cpus+=("$c"); done
    else
      cpus+=("$part")
    fi
  done
  if [ "${#cpus[@]}" -ge 2 ]; then
    wrk_pin=(taskset -c "${cpus[0]}")
    server_pin=(taskset -c "${cpus[1]}")
    placement="wrk on CPU ${cpus[0]}, every server on CPU ${cpus[1]}"
  else
    placement="not pinned (one CPU)"
  fi
fi

echo "== build (Release)"
dotnet build -c Release "$project" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the build failed."; }
dll="$project/bin/Release/net10.0/MlValue.Benchmarks.dll"

echo "== model"
dotnet "$dll" --http-model "$work/flights.zip"

read -r -a more <<<"$others"
variants=(pool "${more[@]}")
declare -A url pid
for variant in "${variants[@]}"; do
  "${server_pin[@]}" dotnet "$dll" --http-host --variant "$variant" --port 0 --model "$work/flights.zip" >"$work/$variant.log" 2>&1 &
  pids+=("$!")
  pid[$variant]=$!
  for _ in $(seq 1 120); do
    grep -q '^ready ' "$work/$variant.log" && break
    kill -0 "${pid[$variant]}" 2>/dev/null || { cat "$work/$variant.log"; fail "the $variant server stopped."; }
    sleep 0.5
  done
  grep -q '^ready ' "$work/$variant.log" || { cat "$work/$variant.log"; fail "the $variant server did not start in 60 s."; }
  address=$(sed -n 's/^ready \([^ ]*\).*/\1/p' "$work/$variant.log")
  url[$variant]=${address%/}
  echo "== $variant serving on ${url[$variant]}"
done

# CPU time of a process so far, in clock ticks (utime + stime; the fields after the parenthesised name).
hz=$(getconf CLK_TCK)
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# One wrk run: prints "rps p50_us p99_us socket_errors status_errors server_cpu_us_per_request".
run() {
  local out before after
  before=$(cpu_ticks "${pid[$2]}")
  out=$("${wrk_pin[@]}" wrk -t1 -c"$connections" -d"$1" --timeout 5s -s "$lua" "${url[$2]}")
  after=$(cpu_ticks "${pid[$2]}")
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$hz" \
    '/^RESULT /{printf "%.1f %d %d %d %d %.3f\n", $2 / ($3 / 1e6), $4, $5, $6, $7, ($2 > 0 ? ticks / hz * 1e6 / $2 : 0)}'
}

echo "== warm-up ($warmup per variant)"
for variant in "${variants[@]}"; do
  read -r rps _ _ _ status _ <<<"$(run "$warmup" "$variant")"
  [ "$status" = 0 ] || fail "the $variant server answered $status requests with an error status during the warm-up (see its log)."
  echo "   $variant: $rps req/s"
done

load_before=$(cat /proc/loadavg)
csv="$work/rounds.csv"
echo "round,variant,rps,p50_us,p99_us,socket_errors,status_errors,load1,cpu_us" >"$csv"
echo "== $rounds rounds of wrk -t1 -c$connections -d$duration per variant, order rotating; $placement"
count=${#variants[@]}
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < count; k++)); do
    variant=${variants[$(((r + k) % count))]}
    read -r rps p50 p99 socket status cpu <<<"$(run "$duration" "$variant")"
    echo "$r,$variant,$rps,$p50,$p99,$socket,$status,$(cut -d' ' -f1 /proc/loadavg),$cpu" >>"$csv"
  done
  if (((r + 1) % 25 == 0)); then echo "   round $((r + 1)) of $rounds (load $(cut -d' ' -f1-3 /proc/loadavg))"; fi
done
load_after=$(cat /proc/loadavg)

# Quantiles with linear interpolation between order statistics (numpy's default).
quantile() { sort -g | awk -v q="$1" '{v[NR] = $1} END {if (NR == 0) {print "nan"; exit} p = (NR - 1) * q; i = int(p); f = p - i; printf "%.4f\n", (i + 1 < NR) ? v[i + 1] + f * (v[i + 2] - v[i + 1]) : v[NR]}'; }
column_of() { awk -F, -v v="$1" -v c="$2" 'NR > 1 && $2 == v {print $c}' "$csv"; }

echo
echo "HTTP predict: $rounds interleaved rounds, wrk -t1 -c$connections -d$duration, $placement, $(nproc) CPUs"
printf '%-18s %12s %12s %14s %14s %14s %8s\n' variant "req/s med" "req/s p10" "lat p50 (us)" "lat p99 (us)" "CPU/req (us)" errors
for variant in "${variants[@]}"; do
  printf '%-18s %12.0f %12.0f %14.0f %14.0f %14.1f %8d\n' "$variant" \
    "$(column_of "$variant" 3 | quantile 0.5)" "$(column_of "$variant" 3 | quantile 0.1)" \
    "$(column_of "$variant" 4 | quantile 0.5)" "$(column_of "$variant" 5 | quantile 0.5)" "$(column_of "$variant" 9 | quantile 0.5)" \
    "$(awk -F, -v v="$variant" 'NR > 1 && $2 == v {s += $6 + $7} END {print s + 0}' "$csv")"
done
for variant in "${variants[@]:1}"; do
  ratios=$(awk -F, -v v="$variant" 'NR > 1 {rps[$1, $2] = $3; rounds[$1] = 1} END {for (r in rounds) if (rps[r, "pool"] > 0) print rps[r, v] / rps[r, "pool"]}' "$csv")
  printf 'ratio %s / pool per round: median %.3f, p10 %.3f, p90 %.3f\n' "$variant" \
    "$(quantile 0.5 <<<"$ratios")" "$(quantile 0.1 <<<"$ratios")" "$(quantile 0.9 <<<"$ratios")"
  costs=$(awk -F, -v v="$variant" 'NR > 1 {cpu[$1, $2] = $9; rounds[$1] = 1} END {for (r in rounds) if (cpu[r, v] > 0) print cpu[r, "pool"] / cpu[r, v]}' "$csv")
  printf '  CPU per request, pool / %s per round: median %.3f, p10 %.3f, p90 %.3f\n' "$variant" \
    "$(quantile 0.5 <<<"$costs")" "$(quantile 0.1 <<<"$costs")" "$(quantile 0.9 <<<"$costs")"
done
printf 'load average before: %s\n' "$load_before"
printf 'load average after:  %s\n' "$load_after"
printf '1-minute load during the rounds: min %.2f, median %.2f, max %.2f\n' \
  "$(awk -F, 'NR > 1 {print $8}' "$csv" | quantile 0)" "$(awk -F, 'NR > 1 {print $8}' "$csv" | quantile 0.5)" "$(awk -F, 'NR > 1 {print $8}' "$csv" | quantile 1)"
if [ -n "${OUT:-}" ]; then cp "$csv" "$OUT" && echo "per-round CSV: $OUT"; fi
total_errors=$(awk -F, 'NR > 1 {s += $6 + $7} END {print s + 0}' "$csv")
[ "$total_errors" = 0 ] || fail "$total_errors requests failed (socket errors or an error status): the figures above are not comparable."
