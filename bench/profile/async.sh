#!/usr/bin/env bash
# CPU profile of one warm work with async-profiler (not a test; the build never runs it). JFR's
# execution samples gave Accord's own small methods several times their share here (docs/performance.md,
# "The targets on a quiet 2.1 GHz machine"); async-profiler samples CPU time without that bias.
# Runs org.accord.bench.RunWork on one thread, which starts the profiler after the warm-up (WARM seconds
# of thread CPU) and records for RECORD seconds of it; then prints the shares of the frames that matter
# under the work's root (bench/profile/collapsed-shares.py).
#
#   bench/profile/async.sh trials       # a simulation's trials (SimulationWork: 200 trials of the example)
#   bench/profile/async.sh backtest     # the 2018 backtest's evaluation (BacktestWork, per ACO)
#   WARM=30 RECORD=60 OUT=/tmp/prof bench/profile/async.sh trials
#
# Needs `mvn test-compile` done and Maven to fetch async-profiler's jar once (its native library is
# unpacked under target/async-profiler). Say the load average beside the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.1
WARM=${WARM:-20}
RECORD=${RECORD:-45}
OUT=${OUT:-target/profile}
case "${1:-trials}" in
  trials) work=org.accord.scenarios.SimulationWork root=Simulator.settle ;;
  backtest) work=org.accord.bench.BacktestWork root=EvaluationService.evaluateAll ;;
  *) echo "usage: $0 trials|backtest" >&2; exit 2 ;;
esac

jar="$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar"
[ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION"
lib=target/async-profiler/linux-x64/libasyncProfiler.so
[ -f "$lib" ] || { mkdir -p target/async-profiler && unzip -q -o "$jar" 'linux-x64/*' -d target/async-profiler; }
[ -f target/bench.classpath ] || mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
mkdir -p "$OUT"
# The profiler writes where it is told, from any working directory: an absolute path either way.
profile="$(cd "$OUT" && pwd)/$1.collapsed"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath):$jar" org.accord.bench.RunWork "$work" \
  "$(pwd)/$lib" "$profile" "$WARM" "$RECORD"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/profile/collapsed-shares.py "$profile" "$root"
