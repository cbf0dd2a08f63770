#!/usr/bin/env bash
# The build's training start for the service's class-data archive (pom.xml, service-class-list):
# starts the jar as an operator would, answers one GET /actuator/health (the first request's
# classes: Tomcat's request handling, security, the health endpoint), waits for readiness (the
# warm-up's classes: JSON, the evaluation, the rules' session) and stops it, listing every class
# loaded on the way. Bash's /dev/tcp, so the build needs no HTTP client.
#
#   src/build/service-class-list.sh target/accord-service.classlist    # from the project's directory
set -euo pipefail
list=$1
log=$list.log
: "${ACCORD_DATA_DIR:?the data directory of the training start}"

"${JAVA:-java}" -XX:DumpLoadedClassList="$list" -Dspring.aot.enabled=true -Dserver.port=0 \
  -Daccord.warm-up.evaluations="${WARM_UP_EVALUATIONS:-5}" -jar target/accord.jar serve >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

port=
for _ in $(seq 1 1200); do # 10 minutes at most: a loaded build machine
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the service stopped before it served" >&2; exit 1; }
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] && break
  sleep 0.5
done
[ -n "$port" ] || { echo "the service did not start in 10 minutes" >&2; exit 1; }

status() { # the status code of GET $1
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  head -1 <&3 | cut -d' ' -f2
  exec 3<&-
}
[ "$(status /actuator/health)" = 200 ] || { echo "GET /actuator/health did not answer 200" >&2; exit 1; }
until [ "$(status /actuator/health/readiness)" = 200 ]; do
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the service stopped before it was ready" >&2; exit 1; }
  sleep 0.5
done
kill -TERM "$server"
wait "$server" || true # a stopped JVM's status
trap - EXIT
echo "listed $(grep -vc '^@' "$list") classes and $(grep -c '^@lambda-proxy' "$list") lambda proxies in $list"
