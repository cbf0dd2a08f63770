#!/usr/bin/env bash
# Java 25's ahead-of-time caches (JEP 483, 514, 515), made by training runs of the built jar: the
# classes loaded and linked, and the method profiles, of
#   target/accord.aot          the README's first command (one evaluation), for the command line;
#   target/accord-service.aot  the service: a start, its warm-up, a first health check and
#                              REQUESTS evaluations posted through the API as a caller sends them.
# A cache serves only the JVM that made it, the same jar and libraries at the same paths, and the
# options that must match (compact object headers, for one): a JVM that cannot use a cache says so
# in a warning and starts without it (docs/performance.md, "Java 25 and its AOT cache"). No build
# step runs it; by hand, from the project's directory after `mvn -q -B package -DskipTests`:
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/jdk25/aot-caches.sh
#   REQUESTS=1000 JAVA=... bench/jdk25/aot-caches.sh service     # only the service's, a longer load
#   JAR=accord.jar CACHE_DIR=. bench/jdk25/aot-caches.sh service  # another layout
#
# The JVM's account of each training lands beside the cache (*.aot.log): warnings that it skips the
# classes of old class-file versions (XStream's, picocli's) or of multi-release jars are expected;
# those classes load as usual. Bash's /dev/tcp as the HTTP client, so no curl is needed.
set -euo pipefail
# shellcheck source=../../src/build/served.sh
. "$(dirname "$0")/../../src/build/served.sh"
JAVA=${JAVA:-java}
JAR=${JAR:-target/accord.jar}
CACHE_DIR=${CACHE_DIR:-target}
REQUESTS=${REQUESTS:-300}
REQUEST=${REQUEST:-examples/valley-ipa-request.json}
what=${1:-all}
"$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' ||
  { echo "$JAVA has no AOT cache (Java 25 or later makes one)" >&2; exit 2; }

if [ "$what" = all ] || [ "$what" = cli ]; then
  rm -f "$CACHE_DIR/accord.aot"
  "$JAVA" -XX:AOTCacheOutput="$CACHE_DIR/accord.aot" -Xlog:disable -Xlog:all=warning:stderr \
    -jar "$JAR" evaluate --template mssp-basic --facts examples/valley-ipa.json --json >/dev/null 2>"$CACHE_DIR/accord.aot.log" ||
    { cat "$CACHE_DIR/accord.aot.log" >&2; exit 1; }
  echo "made $CACHE_DIR/accord.aot ($(du -m "$CACHE_DIR/accord.aot" | cut -f1) MB)"
fi
[ "$what" = all ] || [ "$what" = service ] || exit 0

cache=$CACHE_DIR/accord-service.aot
log=$cache.log
data=$(mktemp -d)
rm -f "$cache"
# A key for the training only (the service keeps its SHA-256), the per-caller limit lifted: the load is the point.
API_KEY="acc_training_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
key_sha256=$(printf %s "$API_KEY" | sha256sum | cut -c1-64)
ACCORD_DATA_DIR=$data "$JAVA" -XX:AOTCacheOutput="$cache" -Xlog:disable -Xlog:all=warning:stderr \
  -Dserver.port=0 -Daccord.security.requests-per-second=100000 \
  "-Daccord.security.api-keys[0].name=aot-training" "-Daccord.security.api-keys[0].sha256=$key_sha256" \
  "-Daccord.security.api-keys[0].roles=integrator" "-Daccord.security.api-keys[0].expires=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)" \
  -jar "$JAR" serve >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
served_port "$log" "$server"
served_ready "$log" "$server"
for _ in $(seq 1 "$REQUESTS"); do
  [ "$(status POST /api/v1/evaluations "$REQUEST")" = 200 ] || { echo "an evaluation posted in training failed" >&2; exit 1; }
done
# The JVM writes the cache as it exits: a graceful stop, then the assembly (a second JVM it starts).
kill -TERM "$server"
wait "$server" || true # a stopped JVM's status
trap 'rm -rf "$data"' EXIT
[ -s "$cache" ] || { cat "$log" >&2; echo "no $cache" >&2; exit 1; }
echo "made $cache ($(du -m "$cache" | cut -f1) MB) after $REQUESTS evaluations"
