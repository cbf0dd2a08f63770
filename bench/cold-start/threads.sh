#!/usr/bin/env bash
# The service's start by thread (not a test; the build never runs it): starts the service with
# its class-data archive, polls GET /actuator/health every 50 ms and, at the first 200, reads the
# CPU of the process and of each of its threads (/proc/<pid>/stat, /proc/<pid>/task/*/stat).
# Compares variants, each a directory holding target/accord.jar (with target/lib/ and target/accord-service.jsa,
# copied with `cp -a` so the archive still matches) and JVM options, taking turns in each round
# so that a change in the machine's load falls on all of them alike.
#
#   bench/cold-start/threads.sh 'default|.|' 'serial|.|-XX:+UseSerialGC'
#   ROUNDS=5 bench/cold-start/threads.sh 'old|/tmp/old|' 'new|.|'
#   bench/cold-start/threads.sh 'aot|.|-XX:+UseSerialGC' 'no-aot|.|-XX:+UseSerialGC -Dspring.aot.enabled=false'   # the same jar
#   WARM=0 ...                            # no start first that is not counted (the data directories exist)
#   PROBE=/actuator/health/readiness ...  # up to ready (after the warm-up) rather than healthy
#
# Prints per start: wall and CPU seconds to healthy, then the CPU seconds of the main thread,
# of the C2 and C1 compilers, of the garbage collector's threads and of the rest, the seconds the
# main thread was ready to run but waiting for a core (/proc/<pid>/task/*/schedstat), and the load
# average; then the median of each column per variant. Each variant's data directory (migrated
# by one start not counted) is kept under target/cold-start-data/<name>.
# Needs curl and bc.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)

ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18$((RANDOM % 900 + 100))}
PROBE=${PROBE:-/actuator/health}
[ $# -gt 0 ] || set -- 'default|.|'

results=$(mktemp)
trap 'rm -f "$results"' EXIT

start() { # name dir opts... ; prints "name wall cpu main c2 c1 gc other main_waiting load"
  local name=$1 dir=$2; shift 2
  local log server begin
  log=$(mktemp)
  begin=$(date +%s.%N)
  # shellcheck disable=SC2068
  (cd "$dir" && ACCORD_DATA_DIR="$here/target/cold-start-data/$name" exec java -XX:SharedArchiveFile=target/accord-service.jsa $@ \
    -Dserver.port="$PORT" -jar target/accord.jar) >"$log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$PORT$PROBE" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  local wall
  wall=$(echo "$(date +%s.%N) - $begin" | bc)
  # Thread CPU by kind: comm is field 2 (in parentheses), utime and stime fields 14 and 15 (11 and 12 after the state).
  local threads total
  # The process's own figure counts the threads that have ended too (the templates' and the rules' loaders).
  total=$(awk -v k="$(getconf CLK_TCK)" '{ sub(/^[^)]*\) /, ""); printf "%.2f", ($12 + $13) / k }' "/proc/$server/stat")
  threads=$(for t in /proc/"$server"/task/*; do
    tr -d '\n' <"$t/stat" | sed -E 's/^[0-9]+ \((.*)\) [A-Za-z] (.*)$/\1|\2/'; echo "|$(cut -d' ' -f2 "$t/schedstat")"
  done 2>/dev/null)
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -f "$log"
  echo "$threads" | awk -F'|' -v k="$(getconf CLK_TCK)" -v n="$name" -v w="$wall" -v all="$total" -v l="$(cut -d' ' -f1 /proc/loadavg)" '
    NF == 3 { split($2, f, " "); c = (f[11] + f[12]) / k
      if ($1 == "java") { main += c; wait += $3 / 1e9 }  # the launcher threads: one runs main, the first only waits
      else if ($1 ~ /^C2 /) c2 += c; else if ($1 ~ /^C1 /) c1 += c
      else if ($1 ~ /^(GC |G1 |VM Thread)/) gc += c }  # VM Thread: where the serial collector runs
    END { printf "%s %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %s\n", n, w, all, main, c2, c1, gc, all - main - c2 - c1 - gc, wait, l }' | tee -a "$results"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "$@"; do # one start each, not counted: the data directory migrated, the files cached (WARM=0: none)
  [ "${WARM:-1}" = 0 ] && break
  IFS='|' read -r name dir opts <<<"$spec"
  start "$name" "$dir" $opts >/dev/null
done
: >"$results"
echo "variant wall_s cpu_s main_s c2_s c1_s gc_s other_s main_waiting_s load1"
for _ in $(seq 1 "$ROUNDS"); do
  for spec in "$@"; do
    IFS='|' read -r name dir opts <<<"$spec"
    start "$name" "$dir" $opts
  done
done
echo
echo "median over $ROUNDS starts: variant wall_s cpu_s main_s c2_s c1_s gc_s other_s main_waiting_s"
for spec in "$@"; do
  IFS='|' read -r name _ _ <<<"$spec"
  awk -v n="$name" '$1 == n' "$results" | awk -v n="$name" '
    { for (i = 2; i <= 9; i++) v[i, NR] = $i }
    END { printf "%s", n
      for (i = 2; i <= 9; i++) { for (a = 1; a <= NR; a++) x[a] = v[i, a]
        for (a = 1; a <= NR; a++) for (b = a + 1; b <= NR; b++) if (x[b] < x[a]) { t = x[a]; x[a] = x[b]; x[b] = t }
        printf " %.2f", (NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2) }
      printf "\n" }'
done
