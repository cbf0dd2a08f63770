#!/usr/bin/env bash
# Cold-start figures (not a test; the build never runs it). Each run is a new JVM:
#   evaluate   the README's first command (Valley IPA under mssp-basic)
#   backtest   the 2018 CMS public use file (548 ACOs), backtest cms-puf --json
#   healthy    the service, from `java -jar` to GET /actuator/health answering 200
# for each with and without its class-data sharing archive (the commands map target/accord.jsa, the
# service target/accord-service.jsa; pom.xml makes both), REPEAT times;
# prints wall seconds, CPU seconds (user + system; for the service, up to its first healthy answer)
# and max RSS (the service's: RSS when healthy) per run, then the minimum of each,
# with the load average beside them: the machine is shared, so compare minima taken when quiet.
# Targets (issue 15): evaluate <= 2 s, backtest <= 3 s, healthy <= 5 s, RSS <= 300 MB.
#
#   bench/cold-start/run.sh               # 5 repetitions
#   REPEAT=10 bench/cold-start/run.sh
#   CLI_OPTS= bench/cold-start/run.sh     # the commands without the README's JIT and GC options
#   SERVICE_OPTS= bench/cold-start/run.sh # the service on the JVM's default collector
#
# Needs GNU time (/usr/bin/time, Debian package `time`) and curl; build first
# (mvn -q -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

REPEAT=${REPEAT:-5}
PORT=${PORT:-18$((RANDOM % 900 + 100))}
JSA=target/accord.jsa
SERVICE_JSA=target/accord-service.jsa
# The README's command-line options besides the archive: the quick compiler only, the serial collector.
CLI_OPTS=${CLI_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
# The README's service options besides the archive: the serial collector.
SERVICE_OPTS=${SERVICE_OPTS--XX:+UseSerialGC}

[ -x /usr/bin/time ] || { echo "GNU time is missing (Debian: apt-get install -y time)" >&2; exit 2; }
[ -f target/accord.jar ] || { echo "target/accord.jar is missing: mvn -q -B package -DskipTests" >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT

# One timed command: appends "name wall cpu rss_mb" to the results.
timed() {
  local name=$1; shift
  local stats
  stats=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; rm -f "$stats"; exit 1; }
  awk -v n="$name" '{ printf "%s %.2f %.2f %.0f\n", n, $1, $2 + $3, $4 / 1024 }' "$stats" | tee -a "$results"
  rm -f "$stats"
}

healthy() {
  local name=$1; shift
  local start log server
  log=$(mktemp)
  start=$(date +%s.%N)
  java "$@" -Dserver.port="$PORT" -jar target/accord.jar >"$log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    if (( $(echo "$(date +%s.%N) - $start > 300" | bc) )); then echo "not healthy in 300 s" >&2; kill "$server"; exit 1; fi
    sleep 0.05
  done
  local wall rss cpu
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(ps -o rss= -p "$server")
  # CPU seconds (user + system, every thread) the service used up to its first healthy answer.
  cpu=$(awk -v k="$(getconf CLK_TCK)" '{ sub(/^[^)]*\) /, ""); printf "%.2f", ($12 + $13) / k }' "/proc/$server/stat")
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -f "$log"
  printf '%s %.2f %s %.0f\n' "$name" "$wall" "$cpu" "$((rss / 1024))" | tee -a "$results"
}

echo "load before: $(uptime)"
echo "name wall_s cpu_s max_rss_mb"
for _ in $(seq 1 "$REPEAT"); do
  for cds in "" "-XX:SharedArchiveFile=$JSA"; do
    suffix=${cds:+ +cds}
    suffix=${suffix// /}
    timed "evaluate${suffix}" java $cds $CLI_OPTS -jar target/accord.jar evaluate --template mssp-basic --facts examples/valley-ipa.json
    timed "backtest-2018${suffix}" java $cds $CLI_OPTS -jar target/accord.jar backtest cms-puf --file examples/cms/mssp-aco-puf-2018.csv --json
    healthy "healthy${suffix}" ${cds:+-XX:SharedArchiveFile=$SERVICE_JSA} $SERVICE_OPTS
  done
done
echo "load after: $(uptime)"
echo
echo "minimum over $REPEAT runs: name wall_s cpu_s max_rss_mb"
sort -k1,1 "$results" | awk '
  { if (!($1 in w) || $2 < w[$1]) w[$1] = $2; if ($3 != "-" && (!($1 in c) || $3 < c[$1])) c[$1] = $3;
    if (!($1 in r) || $4 < r[$1]) r[$1] = $4 }
  END { for (n in w) printf "%s %s %s %s\n", n, w[n], (n in c ? c[n] : "-"), r[n] }' | sort
