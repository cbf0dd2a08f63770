#!/usr/bin/env bash
# JMH benchmarks (src/test/java/org/accord/bench, org/accord/reference) on the test class path.
# Not a test; the build never runs it.
#
#   bench/jmh/run.sh                      # issue 15's suite: every engine target with its ratio to plain Java
#   QUICK=1 bench/jmh/run.sh              # the same with short warm-up and measurement (a smoke run)
#   bench/jmh/run.sh -f 1 BacktestBenchmark   # any JMH options: runs exactly that
#
# The suite runs each benchmark in its own fork with the thread count its target names, writes
# target/jmh/*.json, then prints one line per target (bench/jmh/summary.py): the figure, the
# target, and the ratio to the plain-Java reference for the same work measured in the same run,
# with the load average before and after. Whole-command timings (cold start, RSS) are
# bench/cold-start/run.sh; HTTP latency is bench/wrk/run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  nice -n 10 mvn -q -B ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
jmh() {
  java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
}

if [ $# -gt 0 ]; then
  jmh "$@"
  exit
fi

if [ "${QUICK:-0}" = 1 ]; then
  timing=(-f 1 -wi 1 -w 2 -i 2 -r 2)
else
  timing=(-f 1 -wi 3 -w 5 -i 5 -r 5)
fi
out=target/jmh
rm -rf "$out" && mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# name | JMH selection and options (threads as each target states them)
run() {
  local name=$1
  shift
  echo "== $name" >&2
  jmh "${timing[@]}" -rf json -rff "$out/$name.json" "$@" >"$out/$name.txt" 2>&1 \
    || { tail -40 "$out/$name.txt" >&2; exit 1; }
}
run backtest-engine    'BacktestBenchmark.engineSettlesTheFile' -t 2
run backtest-plain     'BacktestBenchmark.plainJavaSettlesTheFile' -t 1
run batch              'SettlementBenchmark.practiceSettlementsInBatches' -p template=mssp-basic
run scenarios          'ScenarioBenchmark' -p threads=2
run reference          'ReferenceBenchmark' -t 1

python3 bench/jmh/summary.py "$out" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
