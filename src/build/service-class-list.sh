#!/usr/bin/env bash
# The build's training start for the service's class-data archive (pom.xml, service-class-list):
# starts the jar as an operator would, answers one GET /actuator/health (the first request's
# classes: Tomcat's request handling, security, the health endpoint), waits for readiness (the
# warm-up's classes: JSON, the evaluation, the rules' session) and stops it, listing every class
# loaded on the way. Bash's /dev/tcp, so the build needs no HTTP client.
#
#   src/build/service-class-list.sh target/accord-service.classlist    # from the project's directory
set -euo pipefail
# shellcheck source=served.sh
. "$(dirname "$0")/served.sh"
list=$1
log=$list.log
: "${ACCORD_DATA_DIR:?the data directory of the training start}"

"${JAVA:-java}" -XX:DumpLoadedClassList="$list" -Dspring.aot.enabled=true -Dserver.port=0 \
  -Daccord.warm-up.evaluations="${WARM_UP_EVALUATIONS:-5}" -jar target/accord.jar serve >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

served_port "$log" "$server"
served_ready "$log" "$server"
kill -TERM "$server"
wait "$server" || true # a stopped JVM's status
trap - EXIT
echo "listed $(grep -vc '^@' "$list") classes and $(grep -c '^@lambda-proxy' "$list") lambda proxies in $list"
