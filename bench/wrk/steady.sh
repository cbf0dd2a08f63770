#!/usr/bin/env bash
# Time to steady state of POST /api/v1/evaluations (issue 15; not a test, the build never runs it).
#
# Starts target/accord.jar (with its class-data archive when the build made it), waits for its first
# healthy answer (/actuator/health) and then for readiness (/actuator/health/readiness, held while
# the service warms up: accord.warm-up.evaluations), and from readiness offers RATE requests/s of the 25-practice example in back-to-back windows of
# WINDOW seconds, WINDOWS times, with no warm-up. Per window: p50 and p99 latency, the rate reached,
# and the server's CPU per request (the steadier figure on a shared machine: JIT compilation
# falls away as the code warms), of it the JIT compiler threads' and Tomcat's request threads',
# and the evaluation's own thread CPU (accord_evaluations_cpu_seconds). Steady state is the first
# window after which CPU per request and p50 stop falling. Stops the server it started.
#
#   bench/wrk/steady.sh                         # 18 windows of 10 s at 50 requests/s
#   RATE=200 WINDOWS=30 bench/wrk/steady.sh
#   JAVA_OPTS="-XX:SharedArchiveFile=target/accord-service.jsa -Daccord.warm-up.evaluations=0" bench/wrk/steady.sh
#   JAVA_OPTS="-Xlog:class+load:file=/tmp/j/classload.log:uptime -Xlog:jit+compilation=debug:file=/tmp/j/jit.log:uptime" \
#     bench/wrk/steady.sh && bench/wrk/jit-minutes.sh /tmp/j   # classes and compilations per minute
#
# Needs wrk and curl; build the jar first (mvn -q -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18$((RANDOM % 900 + 100))}
RATE=${RATE:-50}
WINDOW=${WINDOW:-10}
WINDOWS=${WINDOWS:-18}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
REQUEST=${REQUEST:-examples/valley-ipa-request.json}
# Another build to compare (its lib/ beside it, as target/ holds them): JAR=/tmp/old/accord.jar
JAR=${JAR:-target/accord.jar}
JAVA_OPTS=${JAVA_OPTS:-$([ -f "$(dirname "$JAR")/accord-service.jsa" ] && echo "-XX:SharedArchiveFile=$(dirname "$JAR")/accord-service.jsa")}
URL="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -q -B package -DskipTests" >&2; exit 2; }

API_KEY="acc_bench_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export API_KEY
key_sha256=$(printf %s "$API_KEY" | sha256sum | cut -c1-64)
key_expires=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)

log=$(mktemp)
rm -rf target/steady-data
# shellcheck disable=SC2086
ACCORD_DATA_DIR=target/steady-data java $JAVA_OPTS -Dserver.port="$PORT" -Daccord.security.requests-per-second=100000 \
  "-Daccord.security.api-keys[0].name=bench" "-Daccord.security.api-keys[0].sha256=$key_sha256" \
  "-Daccord.security.api-keys[0].roles=integrator,admin" "-Daccord.security.api-keys[0].expires=$key_expires" \
  -jar "$JAR" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$server/stat"; }
threads_ms() { # CPU of the server's threads whose name matches the pattern (fields after the name: a name may hold spaces)
  for task in /proc/"$server"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in $1) sed "s/^.*) //" "$task/stat" 2>/dev/null ;; esac
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%d", s * 1000 / hz }'
}

start=$(date +%s.%N)
until curl -fs "$URL/actuator/health" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.05
done
printf 'healthy after %.1f s, load average %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
until curl -fs "$URL/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.05
done
printf 'ready after %.1f s, server CPU %d ms (%s), load average %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(cpu_ms)" \
  "$(grep -o 'Warm-up: [0-9]* evaluations[^"]* in [0-9]* ms' "$log" || echo 'no warm-up')" "$(cut -d' ' -f1-3 /proc/loadavg)"

# The evaluations' own thread CPU (accord_evaluations_cpu_seconds): the sum and count so far, in seconds.
evaluation_cpu() {
  curl -fs -H "X-API-Key: $API_KEY" "$URL/actuator/prometheus" |
    awk '/^accord_evaluations_cpu_seconds_sum\{/ { c += $2 } /^accord_evaluations_cpu_seconds_count\{/ { n += $2 } END { printf "%.6f %d\n", c, n }'
}

# Window ends are seconds from readiness.
echo "window_end_s p50_ms p99_ms req_per_s cpu_ms_per_req jit_ms_per_req tomcat_ms_per_req evaluation_cpu_ms load1"
out=$(mktemp)
for w in $(seq 1 "$WINDOWS"); do
  before=$(cpu_ms)
  jit_before=$(threads_ms 'C[12] CompilerThre*')
  tomcat_before=$(threads_ms 'http-nio-*')
  evaluation_before=$(evaluation_cpu)
  RATE=$RATE THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WINDOW}s" -s bench/wrk/evaluate.lua "$URL" -- "$REQUEST" >"$out"
  after=$(cpu_ms)
  jit=$(($(threads_ms 'C[12] CompilerThre*') - jit_before))
  tomcat=$(($(threads_ms 'http-nio-*') - tomcat_before))
  evaluation=$(echo "$evaluation_before $(evaluation_cpu)" | awk '{ printf "%.3f", ($4 > $2 ? ($3 - $1) * 1000 / ($4 - $2) : 0) }')
  awk -v end=$((w * WINDOW)) -v cpu=$((after - before)) -v jit="$jit" -v tomcat="$tomcat" -v evaluation="$evaluation" -v la="$(cut -d' ' -f1 /proc/loadavg)" '
    /^requests /{ n = $2; s = $4 } /^latency p50/{ p50 = $3 } /^latency p99/{ p99 = $3 }
    END { printf "%d %.1f %.1f %.1f %.2f %.2f %.2f %s %s\n", end, p50, p99, n / s, cpu / n, jit / n, tomcat / n, evaluation, la }' "$out"
done
rm -f "$out"
