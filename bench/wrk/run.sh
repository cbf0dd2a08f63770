#!/usr/bin/env bash
# Load benchmark of POST /api/v1/evaluations (not a test; the build never runs it).
#
# Starts target/accord.jar on a loopback port, warms it up, then posts the 25-practice example
# (examples/valley-ipa-request.json: Valley IPA under mssp-basic) with wrk for DURATION at
# CONNECTIONS connections, and prints p50/p99/throughput/errors, the server's CPU time per
# request, and the heap used after a full GC before and after the run. Stops the server it started.
# Every evaluation is stored: in an H2 file under target/wrk-data (a fresh one each run) unless
# ACCORD_DATA_DIR or SPRING_DATASOURCE_URL names another store.
#
#   bench/wrk/run.sh                      # 60 s, 32 connections, after a 240 s warm-up (C2 needs it)
#   DURATION=20s WARMUP=10s bench/wrk/run.sh
#   RATE=500 bench/wrk/run.sh             # a fixed offered load of 500 requests/s (see evaluate.lua)
#   BACKGROUND_TRIALS=100000 RATE=200 bench/wrk/run.sh  # while a simulation job of that many trials runs
#                                         # (examples/scenarios/simulate-small-panel.json, sent after the warm-up);
#                                         # prints the trials it settled during the measured run, their
#                                         # rate, and the CPU time of its threads per trial
#   BACKGROUND_WAIT=1 ...                 # and, at the end, waits for the job and prints its wall time
#   STORE_RUNS=false RATE=200 bench/wrk/run.sh  # evaluations answered but not stored (a benchmark-only
#                                         # setting, accord.bench.store-runs): run it beside the default
#                                         # to see what storing adds to the answer's latency
#
# Needs wrk (Debian: apt-get install -y wrk), curl, and jcmd from the JDK; build the jar first
# (mvn -q -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18080}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-240s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
REQUEST=${REQUEST:-examples/valley-ipa-request.json}
# Another build to compare (its lib/ beside it, as target/ holds them): JAR=/tmp/old/accord.jar
JAR=${JAR:-target/accord.jar}
JAVA_OPTS=${JAVA_OPTS:-}
STORE_RUNS=${STORE_RUNS:-true}
URL="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -q -B package -DskipTests" >&2; exit 2; }

# A key for this run only: the service keeps its SHA-256, wrk sends it (evaluate.lua, API_KEY).
API_KEY="acc_bench_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export API_KEY
key_sha256=$(printf %s "$API_KEY" | sha256sum | cut -c1-64)
key_expires=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)

log=$(mktemp)
if [ -z "${ACCORD_DATA_DIR:-}" ]; then
  rm -rf target/wrk-data
  export ACCORD_DATA_DIR=target/wrk-data
fi
# shellcheck disable=SC2086
# (as system properties: the jar with arguments is the command line, without them the service)
# The per-caller limit (50 requests/s by default) is lifted for the bench key: the load is the point.
java $JAVA_OPTS -Dserver.port="$PORT" -Daccord.bench.store-runs="$STORE_RUNS" -Daccord.security.requests-per-second="${CALLER_LIMIT:-100000}" \
  "-Daccord.security.api-keys[0].name=bench" "-Daccord.security.api-keys[0].sha256=$key_sha256" \
  "-Daccord.security.api-keys[0].roles=integrator,admin" "-Daccord.security.api-keys[0].expires=$key_expires" \
  -jar "$JAR" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 120); do
  curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" \
  --data-binary @"$REQUEST" "$URL/api/v1/evaluations")
[ "$status" = 200 ] || { echo "the request in $REQUEST does not evaluate (HTTP $status)" >&2; exit 1; }

# Sum of the evaluations' durations, their count, and the sum of their threads' CPU (seconds), from the server's metrics.
evaluation_sums() {
  curl -fs -H "X-API-Key: $API_KEY" "$URL/actuator/prometheus" |
    awk '/^accord_evaluations_seconds_sum\{.*outcome="settled"/ { d += $2 } /^accord_evaluations_seconds_count\{.*outcome="settled"/ { n += $2 }
         /^accord_evaluations_cpu_seconds_sum\{/ { c += $2 } END { printf "%.6f %d %.6f\n", d, n, c }'
}
heap_after_gc() {
  jcmd "$server" GC.run >/dev/null
  sleep 1
  curl -fs -H "X-API-Key: $API_KEY" "$URL/actuator/metrics/jvm.memory.used?tag=area:heap" |
    sed -E 's/.*"value":([0-9.E+]+).*/\1/' | awk '{ printf "%.1f MiB", $1 / 1048576 }'
}

cpu_ms() { # user + system CPU time of the server process, in ms
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$server/stat"
}

job_cpu_ms() { # CPU time of the threads running a job (its worker and its simulation's threads)
  for task in /proc/"$server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in accord-job-*|accord-simulati*) sed "s/^.*) //" "$task/stat" 2>/dev/null ;; esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%d", s * 1000 / hz }'
}

job_field() { # a field of the background job's resource: job_field done
  curl -s -H "X-API-Key: $API_KEY" "$URL/api/v1/jobs/$job" | grep -oE '"'"$1"'" *: *("[^"]*"|[0-9]+)' | head -1 |
    sed -E 's/.*: *"?([^"]*)"?/\1/'
}

jit_ms() { # CPU time of the JIT compiler threads: the rules' generated code keeps C2 busy for minutes
  for task in /proc/"$server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in "C1 CompilerThre"|"C2 CompilerThre") sed "s/^.*) //" "$task/stat" 2>/dev/null ;; esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%d", s * 1000 / hz }'
}

request_threads_ms() { # CPU time of Tomcat's threads (the requests' own work: workers, poller, acceptor)
  for task in /proc/"$server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in http-nio-*) sed "s/^.*) //" "$task/stat" 2>/dev/null ;; esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%d", s * 1000 / hz }'
}

threads_ms() { # CPU time of every thread, by name with its digits removed (ms): "name<TAB>ms" lines
  for task in /proc/"$server"/task/*; do
    printf '%s\t%s\n' "$(tr -d '0-9' < "$task/comm" 2>/dev/null)" "$(sed "s/^.*) //" "$task/stat" 2>/dev/null | cut -d' ' -f12,13)"
  done | awk -F'\t' -v hz="$(getconf CLK_TCK)" '{ split($2, t, " "); s[$1] += (t[1] + t[2]) * 1000 / hz } END { for (n in s) printf "%s\t%d\n", n, s[n] }'
}

gc_ms() { # CPU time of the garbage collector's threads (G1's or Parallel's)
  for task in /proc/"$server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in "GC Thread"*|"G1 "*) sed "s/^.*) //" "$task/stat" 2>/dev/null ;; esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%d", s * 1000 / hz }'
}

echo "== warm-up: $WARMUP at $CONNECTIONS connections"
RATE= wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/evaluate.lua "$URL" -- "$REQUEST" >/dev/null

if [ -n "${BACKGROUND_TRIALS:-}" ]; then
  job=$(sed -E 's/"trials" *: *[0-9]+/"trials" : '"$BACKGROUND_TRIALS"'/' examples/scenarios/simulate-small-panel.json |
    { printf '{"simulate": '; cat; printf '}'; } |
    curl -s -X POST -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" --data-binary @- "$URL/api/v1/jobs" |
    sed -E 's/.*"id" *: *"([^"]+)".*/\1/')
  echo "== background: simulation job $job of $BACKGROUND_TRIALS trials"
  sleep 2
fi
heap_before=$(heap_after_gc)
cpu_before=$(cpu_ms)
jit_before=$(jit_ms)
gc_before=$(gc_ms)
request_threads_before=$(request_threads_ms)
threads_before=$(threads_ms)
evaluations_before=$(evaluation_sums)
if [ -n "${BACKGROUND_TRIALS:-}" ]; then
  job_cpu_before=$(job_cpu_ms)
  done_before=$(job_field done)
  started_ns=$(date +%s%N)
fi
echo "== measured: $DURATION at $CONNECTIONS connections, $THREADS wrk threads, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${RATE:-}" ] && echo "   offered load $RATE requests/s"
out=$(mktemp)
RATE=${RATE:-} THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/evaluate.lua "$URL" -- "$REQUEST" | tee "$out"
cpu_after=$(cpu_ms)
jit_after=$(jit_ms)
gc_after=$(gc_ms)
request_threads_after=$(request_threads_ms)
threads_after=$(threads_ms)
job_cpu=0
if [ -n "${BACKGROUND_TRIALS:-}" ]; then
  job_cpu=$(($(job_cpu_ms) - job_cpu_before)) # a thread that ended during the run takes its time with it: a lower bound then
  done_after=$(job_field done)
  measured_s=$(awk -v a="$started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
fi
evaluations_after=$(evaluation_sums)
heap_after=$(heap_after_gc)
requests=$(awk '/^requests /{ print $2 }' "$out")
if [ -n "${BACKGROUND_TRIALS:-}" ]; then
  echo "background    $(curl -s -H "X-API-Key: $API_KEY" "$URL/api/v1/jobs/$job" | grep -oE '"(state|done|total)" *: *("[^"]*"|[0-9]+)' | tr '\n' ' ')"
  awk -v d=$((done_after - done_before)) -v s="$measured_s" -v c="$job_cpu" 'BEGIN {
    printf "job           %d trials settled in the measured %.1f s (%.0f trials/s), its threads %.3f ms CPU per trial\n", d, s, d / s, (d > 0 ? c / d : 0) }'
fi
rm -f "$out"

echo "server CPU    $(awk -v c=$((cpu_after - cpu_before)) -v j=$((jit_after - jit_before)) -v g=$((gc_after - gc_before)) -v r=$((request_threads_after - request_threads_before)) -v b="$job_cpu" -v n="$requests" \
  'BEGIN { printf "%.2f ms per request, of which Tomcat'"'"'s threads %.2f ms, JIT compilation %.2f ms, garbage collection %.2f ms, the background job %.2f ms", c / n, r / n, j / n, g / n, b / n }')"
# Every thread group's share (threads that ended during the run take their time with it; the whole
# process's figure above includes them): the request threads, the run writer, H2's, the JIT's, GC's.
{ printf '%s\n' "$threads_before" | sed 's/^/-\t/'; printf '%s\n' "$threads_after" | sed 's/^/+\t/'; } |
  awk -F'\t' -v n="$requests" '{ d[$2] += ($1 == "+" ? $3 : -$3) } END { for (t in d) if (d[t] / n >= 0.005) printf "  %7.3f ms per request  %s\n", d[t] / n, t }' |
  sort -rn | sed '1i threads        (CPU per request by thread name, digits removed, those at 0.005 ms or more)'
# The evaluation alone, as the server times it: its duration, and the CPU its thread spent on it.
echo "$evaluations_before $evaluations_after" | awk '{ n = $5 - $2; if (n > 0) printf "evaluations   %d in the server: %.2f ms of thread CPU each, %.2f ms duration each\n", n, ($6 - $3) * 1000 / n, ($4 - $1) * 1000 / n }'
echo "heap used     $heap_before before, $heap_after after (after a full GC each time)"
echo "load average  $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine count)"
# What storing each run added (timed apart in the server, over the last minutes of the run).
curl -fs -H "X-API-Key: $API_KEY" "$URL/actuator/prometheus" |
  awk '/^accord_runs_stored_seconds\{.*quantile="0.5"/ { p50 = $2 * 1000 } /^accord_runs_stored_seconds\{.*quantile="0.99"/ { p99 = $2 * 1000 }
       END { printf "storing runs  p50 %.2f ms, p99 %.2f ms (of each answer)\n", p50, p99 }'
# Replaying a stored run with its rule base cached (the service's own rules), one at a time.
[ "$STORE_RUNS" = true ] || { echo "runs not stored (STORE_RUNS=$STORE_RUNS): no replay"; exit 0; }
location=$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" \
  --data-binary @"$REQUEST" "$URL/api/v1/evaluations" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')
for _ in $(seq 1 50); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "X-API-Key: $API_KEY" "$URL$location/replay?rules=stored"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "replay        median %.1f ms, p98 %.1f ms, max %.1f ms over %d replays (rules cached)\n", t[int(NR / 2)], t[int(NR * 0.98)], t[NR], NR }'
if [ -n "${BACKGROUND_TRIALS:-}" ] && [ -n "${BACKGROUND_WAIT:-}" ]; then
  until case "$(job_field state)" in succeeded|failed|cancelled) true ;; *) false ;; esac; do sleep 2; done
  echo "job           $(job_field state), from $(job_field startedAt) to $(job_field finishedAt)"
fi

