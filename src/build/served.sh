# Talking to the jar's service from a script over bash's /dev/tcp, so that no HTTP client is needed.
# Sourced by src/build/service-class-list.sh (the build's training start for the class-data archive)
# and bench/jdk25/aot-caches.sh (Java 25's cache); each starts the service with -Dserver.port=0 and
# its output in a log, then:
#   served_port LOG PID    waits for the port Tomcat reports in LOG and sets $port
#   served_ready LOG PID   GET /actuator/health must answer 200, then waits for readiness
#   status METHOD PATH [JSON FILE]   the status code of a request (a body is POSTed with $API_KEY, if set)

served_port() {
  port=
  for _ in $(seq 1 1200); do # 10 minutes at most: a loaded build machine
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; echo "the service stopped before it served" >&2; exit 1; }
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$1" | head -1)
    [ -n "$port" ] && return 0
    sleep 0.5
  done
  echo "the service did not start in 10 minutes" >&2
  exit 1
}

status() {
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  if [ -n "${3:-}" ]; then
    printf 'POST %s HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nX-API-Key: %s\r\nContent-Length: %d\r\n\r\n' \
      "$2" "${API_KEY:-}" "$(wc -c <"$3")" >&3
    cat "$3" >&3
  else
    printf '%s %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" "$2" >&3
  fi
  IFS= read -r line <&3
  cat <&3 >/dev/null # the whole answer, as a caller reads it
  exec 3<&-
  echo "$line" | cut -d' ' -f2
}

served_ready() {
  [ "$(status GET /actuator/health)" = 200 ] || { echo "GET /actuator/health did not answer 200" >&2; exit 1; }
  until [ "$(status GET /actuator/health/readiness)" = 200 ]; do
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; echo "the service stopped before it was ready" >&2; exit 1; }
    sleep 0.5
  done
}
