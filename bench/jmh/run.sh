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

# Warm-up long enough for C2 on 2 cores: the backtest, the sweep and the evaluation level off after
# 15-20 s, the 10,000-trial simulation after about seven operations (its first takes 10 s), so 15 s
# left no margin; QUICK's 2 s gives cold figures, 1.4-7x the warm ones (docs/performance.md, "The JMH suite").
# warmed: timed iterations; trials: operations of seconds each; single shot: 100,000 trials.
if [ "${QUICK:-0}" = 1 ]; then
  warmed=(-f 1 -wi 1 -w 2 -i 2 -r 2)
  trials=("${warmed[@]}")
  single_shot=(-f 1 -wi 0 -i 1)
else
  warmed=(-f 1 -wi 8 -w 5 -i 5 -r 5)
  trials=(-f 1 -wi 12 -w 5 -i 5 -r 5)
  single_shot=(-f 1 -wi 2 -i 3)
fi
out=target/jmh
rm -rf "$out" && mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# name | timing (the name of one of the arrays above) | JMH selection and options (threads as each target states them)
run() {
  local name=$1
  local -n timing=$2
  shift 2
  echo "== $name" >&2
  jmh "${timing[@]}" -rf json -rff "$out/$name.json" "$@" >"$out/$name.txt" 2>&1 \
    || { tail -40 "$out/$name.txt" >&2; exit 1; }
}
run backtest-engine  warmed         'BacktestBenchmark.engineSettlesTheFile' -t 2
run backtest-plain   warmed         'BacktestBenchmark.plainJavaSettlesTheFile' -t 1
run batch            warmed         'SettlementBenchmark.practiceSettlementsInBatches' -p template=mssp-basic
run simulation       trials         'ScenarioBenchmark.simulate10000Trials' -p threads=2
run simulation-long  single_shot    'ScenarioBenchmark.simulate100000Trials' -p threads=2
run sweep            warmed         'ScenarioBenchmark.(sweep20Points|singleEvaluation)' -p threads=2
run reference        warmed         'ReferenceBenchmark' -t 1

python3 bench/jmh/summary.py "$out" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
