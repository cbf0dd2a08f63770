#!/usr/bin/env bash
# Command-line cold starts compared across JVMs and options (issue 15; not a test, the build never
# runs it). Each variant is "name|java|options"; every round runs each variant once, in turn (the
# order rotating), so that a change in the machine's load falls on all of them alike; each run is a
# new JVM. Prints per run the wall and CPU seconds (user + system) and max RSS, then per variant the
# median and minimum of each, with the load average: on a shared machine the CPU figure is the steadier.
#
#   bench/jdk25/cli.sh 'j17|java|-XX:SharedArchiveFile=target/accord.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC' \
#                      'j25|/usr/lib/jvm/temurin-25-jdk-amd64/bin/java|-XX:AOTCache=target/accord.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
#   ROUNDS=10 COMMAND='backtest cms-puf --file examples/cms/mssp-aco-puf-2018.csv --json' bench/jdk25/cli.sh ...
#   JAR=/work/before/target/accord.jar ...   # another build (run from this directory: examples/ are read here)
#
# Needs GNU time (/usr/bin/time); build first (mvn -q -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=variants.sh
. bench/jdk25/variants.sh

ROUNDS=${ROUNDS:-5}
JAR=${JAR:-target/accord.jar}
COMMAND=${COMMAND:-evaluate --template mssp-basic --facts examples/valley-ipa.json}
[ $# -gt 0 ] || { echo "usage: $0 'name|java|options' ..." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing (Debian: apt-get install -y time)" >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT

run() { # name java options...
  local name=$1 java=$2 opts=$3 stats
  stats=$(mktemp)
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S %M' -o "$stats" "$java" $opts -jar "$JAR" $COMMAND >/dev/null 2>"$stats.err" ||
    { echo "$name failed:" >&2; cat "$stats.err" >&2; rm -f "$stats" "$stats.err"; exit 1; }
  awk -v n="$name" -v l="$(cut -d' ' -f1 /proc/loadavg)" '{ printf "%s %.2f %.2f %.0f %s\n", n, $1, $2 + $3, $4 / 1024, l }' "$stats" | tee -a "$results"
  rm -f "$stats" "$stats.err"
}

echo "command: $COMMAND"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "$@"; do IFS='|' read -r name java opts <<<"$spec"; run "$name" "$java" "$opts" >/dev/null; done # warm the file cache
: >"$results"
echo "variant wall_s cpu_s max_rss_mb load1"
in_rounds run "$@"
medians runs "$@"
