#!/usr/bin/env bash
# Profiles the warm engine with flight recordings (issue 15): batches of the 25-practice example and
# the 2018 backtest, one thread each, then prints each recording's hottest frames.
# Usage: bench/profile/run.sh [out-dir] [warm CPU s] [recorded CPU s]   (default target/profile 20 20)
# Needs `mvn test-compile` done; PROFILE_CLASSES=<dir> puts classes compiled apart first on the class path.
# Figures are thread CPU time: say the load (uptime) beside them. JFR's samples overstate Accord's small
# methods here; for shares of CPU, bench/profile/async.sh samples it with async-profiler.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/profile}
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
echo "load before: $(uptime)"
java -Xms1g -Xmx1g -XX:FlightRecorderOptions:stackdepth=256 -cp "${PROFILE_CLASSES:+$PROFILE_CLASSES:}target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.bench.ProfileRun "$out" "${2:-20}" "${3:-20}"
echo "load after: $(uptime)"
for recording in "$out"/batch.jfr "$out"/backtest.jfr; do
  echo
  echo "== $recording"
  jfr print --json --events jdk.ExecutionSample "$recording" > "${recording%.jfr}.json"
  python3 bench/profile/top-frames.py "${recording%.jfr}.json"
done
