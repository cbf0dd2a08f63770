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
# Needs curl; build first (mvn -q -B package -DskipTests), and for Java 25 the cache (README, "On Java 25").
set -euo pipefail
cd "$(dirname "$0")/../.."
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
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $(($# - 1))); do
    idx=$(( (i + round) % $# + 1 )); spec=${!idx}
    IFS='|' read -r name java opts <<<"$spec"
    start "$name" "$java" "$opts"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "over $ROUNDS starts: variant wall_median wall_min cpu_median cpu_min rss_median"
for spec in "$@"; do
  IFS='|' read -r name _ _ <<<"$spec"
  awk -v n="$name" '$1 == n { w[NR] = $2; c[NR] = $3; r[NR] = $4 }
    function med(a,   i, j, t, m, x) { m = 0; for (i in a) x[++m] = a[i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      return m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2 }
    function min(a,   i, m) { m = ""; for (i in a) if (m == "" || a[i] < m) m = a[i]; return m }
    END { printf "%s %.2f %.2f %.2f %.2f %.0f\n", n, med(w), min(w), med(c), min(c), med(r) }' "$results"
done
