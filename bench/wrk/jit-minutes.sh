#!/usr/bin/env bash
# Per minute of a service's life: classes loaded, JIT compilations (by tier), methods made not
# entrant, deoptimizations (by reason, with the methods most often deoptimized) and code cache use
# (issue 15: does the JIT converge under steady load?). Not a test; the build never runs it.
#
# Reads the logs of a service started with (steady.sh or run.sh take them in JAVA_OPTS):
#   -Xlog:class+load=info:file=DIR/classload.log:uptime
#   -Xlog:jit+compilation=debug:file=DIR/jit.log:uptime
#   -XX:StartFlightRecording=filename=DIR/rec.jfr,settings=FILE.jfc   (jdk.Deoptimization on; optional)
# and, if present, DIR/codecache.log (samples of `jcmd PID Compiler.codecache`, each after a line "== N s").
#
#   bench/wrk/jit-minutes.sh DIR [top-methods]
set -euo pipefail
dir=$1
top=${2:-10}

echo "minute classes_loaded hidden_or_lambda compilations c1 c2 osr not_entrant"
awk '
  FNR == 1 { file++ }
  { t = substr($1, 2) + 0; m = int(t / 60) }
  file == 1 { loaded[m]++; if ($2 ~ /\$\$Lambda|0x[0-9a-f]+$|\/0x/) hidden[m]++; last = (m > last ? m : last) }
  file == 2 && /made not entrant/ { nonentrant[m]++; last = (m > last ? m : last); next }
  file == 2 && $2 ~ /^[0-9]+$/ {
    comp[m]++; tier = ($3 == "%" ? $4 : $3); if ($3 == "%") osr[m]++
    if (tier == 4) c2[m]++; else c1[m]++
    last = (m > last ? m : last)
  }
  END { for (i = 0; i <= last; i++) printf "%d %d %d %d %d %d %d %d\n", i, loaded[i], hidden[i], comp[i], c1[i], c2[i], osr[i], nonentrant[i] }
' "$dir/classload.log" "$dir/jit.log"

if [ -f "$dir/rec.jfr" ] && [ -s "$dir/rec.jfr" ]; then
  echo
  echo "deoptimizations per minute, by reason (jdk.Deoptimization; minute from the recording's start)"
  jfr print --events jdk.Deoptimization "$dir/rec.jfr" |
    awk '/^jdk.Deoptimization/ { n++ } /startTime = / { st[n] = $3 } /reason = / { r[n] = $3 } /method = / { sub(/^ *method = /, ""); me[n] = $0 }
         END { for (i = 1; i <= n; i++) print st[i], r[i], me[i] }' >"$dir/deopt.txt"
  awk '{ split($1, hms, ":"); s = hms[1] * 3600 + hms[2] * 60 + hms[3]; if (NR == 1) s0 = s; m = int((s - s0) / 60);
         c[m " " $2]++; if (m > last) last = m }
       END { for (k in c) print k, c[k] }' "$dir/deopt.txt" | sort -n -k1,1 -k3,3nr
  echo
  echo "methods most deoptimized (count reason method), last half of the recording"
  half=$(( $(wc -l <"$dir/deopt.txt") / 2 ))
  tail -n +"$((half + 1))" "$dir/deopt.txt" | cut -d' ' -f2- | sort | uniq -c | sort -nr | head -n "$top"
fi

if [ -f "$dir/codecache.log" ]; then
  echo
  echo "code cache (s since start: used KB of non-profiled, profiled, non-nmethods; nmethods)"
  awk '/^== / { if (t != "") print t, np, p, nn, nm; t = $2; np = p = nn = nm = "" }
       /non-profiled/ { np = $0; sub(/.* used=/, "", np); sub(/Kb.*/, "", np) }
       /'"'"'profiled nmethods/ { p = $0; sub(/.* used=/, "", p); sub(/Kb.*/, "", p) }
       /non-nmethods/ { nn = $0; sub(/.* used=/, "", nn); sub(/Kb.*/, "", nn) }
       /nmethods=/ { nm = $0; sub(/.*nmethods=/, "", nm); sub(/ .*/, "", nm) }
       END { if (t != "") print t, np, p, nn, nm }' "$dir/codecache.log"
fi
