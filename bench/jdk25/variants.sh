# Variants "name|java|options" measured in rounds, sourced by cli.sh and service.sh: each round runs
# every variant once, in turn, the order rotating, so that a change in the machine's load falls on
# all of them alike. The measuring function appends "name wall cpu rss_mb load1" lines to $results.
#   in_rounds FUNCTION 'name|java|options' ...   ROUNDS rounds of FUNCTION name java options
#   medians WHAT 'name|java|options' ...         per variant: wall median, minimum, CPU median, minimum, RSS median

in_rounds() {
  local measure=$1 round i idx spec name java opts
  shift
  for round in $(seq 1 "$ROUNDS"); do
    for i in $(seq 0 $(($# - 1))); do
      idx=$(( (i + round) % $# + 1 )); spec=${!idx}
      IFS='|' read -r name java opts <<<"$spec"
      "$measure" "$name" "$java" "$opts"
    done
  done
}

medians() {
  local what=$1 spec name
  shift
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "over $ROUNDS $what: variant wall_median wall_min cpu_median cpu_min rss_median"
  for spec in "$@"; do
    IFS='|' read -r name _ _ <<<"$spec"
    awk -v n="$name" '$1 == n { w[NR] = $2; c[NR] = $3; r[NR] = $4 }
      function med(a,   i, j, t, m, x) { m = 0; for (i in a) x[++m] = a[i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
        return m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2 }
      function min(a,   i, m) { m = ""; for (i in a) if (m == "" || a[i] < m) m = a[i]; return m }
      END { printf "%s %.2f %.2f %.2f %.2f %.0f\n", n, med(w), min(w), med(c), min(c), med(r) }' "$results"
  done
}
