#!/usr/bin/env bash
# The service's cold start compared across JVMs and options (issue 15; not a test, the build never
# runs it): from starting `java ... -jar target/accord.jar` to the first 200 of GET /actuator/health,
# polled every 50 ms. Each variant is "name|java|options"; every round starts each variant once, in
# turn (the order rotating). Prints per start the wall and CPU seconds (the process's, user + system,
# to healthy) and RSS when healthy, then per variant the median and minimum, with the load average.
# Every start after the first of each variant finds its data directory migrated
# (target/cold-start-data/<name>), as an operator's restart would.
#
#   bench/jdk25/service.sh 'j17|java|-XX:SharedArchiveFile=target/accord-service.jsa -XX:+UseSerialGC' \
#                          'j25|/usr/lib/jvm/temurin-25-jdk-amd64/bin/java|-XX:AOTCache=target/accord-service.aot -XX:+UseSerialGC'
#   ROUNDS=8 PROBE=/actuator/health/readiness bench/jdk25/service.sh ...   # to ready (after the warm-up)
#
# Needs curl; build first (mvn -q -B package -DskipTests), and for Java 25 the cache (bench/jdk25/aot-caches.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=variants.sh
. bench/jdk25/variants.sh
here=$(pwd)

ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18$((RANDOM % 900 + 100))}
PROBE=${PROBE:-/actuator/health}
[ $# -gt 0 ] || { echo "usage: $0 'name|java|options' ..." >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT

start() { # name java options; prints "name wall cpu rss_mb load1"
  local name=$1 java=$2 opts=$3 log server begin wall cpu rss
  log=$(mktemp)
  begin=$(date +%s.%N)
  # shellcheck disable=SC2086
  ACCORD_DATA_DIR="$here/target/cold-start-data/$name" "$java" $opts -Dserver.port="$PORT" -jar target/accord.jar >"$log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$PORT$PROBE" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  wall=$(echo "$(date +%s.%N) - $begin" | bc)
  cpu=$(awk -v k="$(getconf CLK_TCK)" '{ sub(/^[^)]*\) /, ""); printf "%.2f", ($12 + $13) / k }' "/proc/$server/stat")
  rss=$(ps -o rss= -p "$server")
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -f "$log"
  printf '%s %.2f %s %.0f %s\n' "$name" "$wall" "$cpu" "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
}

echo "probe: $PROBE; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "$@"; do IFS='|' read -r name java opts <<<"$spec"; start "$name" "$java" "$opts" >/dev/null; done # migrate, cache files
: >"$results"
echo "variant wall_s cpu_s rss_mb load1"
in_rounds start "$@"
medians starts "$@"
