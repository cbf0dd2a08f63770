# The REST service in a container, from what `mvn -q -B package -DskipTests` left in target/
# (the plain jar and its libraries). Build: docker build -t accord .   Run: see the README.
# Java 25 runs the jar the build made for 17, and starts it from an ahead-of-time cache
# (README, "On Java 25"; docs/performance.md, issue 15).
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /srv/accord accord && mkdir -p /srv/accord/data && chown accord /srv/accord/data
WORKDIR /srv/accord
COPY target/lib/ lib/
COPY target/accord.jar accord.jar
# The service's AOT cache, trained here rather than copied from target/: a cache serves only the JVM
# that made it and the jar files at the paths it was made with, so this image's JVM makes it on this
# image's paths, from a start and a few hundred evaluations posted through the API (a key and a data
# directory of the training's own, both gone with it).
COPY src/build/aot-caches.sh examples/valley-ipa-request.json /tmp/aot-training/
RUN JAR=accord.jar CACHE_DIR=. REQUEST=/tmp/aot-training/valley-ipa-request.json bash /tmp/aot-training/aot-caches.sh service \
    && rm -rf /tmp/aot-training accord-service.aot.log
USER accord
# Inside a container the service must listen on every interface; the host decides what reaches it.
ENV SERVER_ADDRESS=0.0.0.0 \
    ACCORD_DATA_DIR=/srv/accord/data
VOLUME /srv/accord/data
EXPOSE 8080
# bash, not sh: /dev/tcp is bash's (the image's sh is dash, which would fail every check).
HEALTHCHECK --interval=30s --timeout=5s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
# Stopping the container sends SIGTERM: running jobs get their grace (20 s), then running requests
# finish (up to 30 s) before the JVM exits. docker stop waits only 10 s before SIGKILL unless the
# container runs with --stop-timeout 60 (README).
STOPSIGNAL SIGTERM
# The serial collector: on a few cores it answers faster under load than G1 (docs/performance.md,
# "The service on the serial collector"). XStream (under Drools' DMN reader) still calls
# sun.misc.Unsafe: allowed, so Java 25 does not print its deprecation warning at every start.
ENTRYPOINT ["java", "-XX:AOTCache=accord-service.aot", "-XX:+UseSerialGC", "--sun-misc-unsafe-memory-access=allow", "-jar", "accord.jar"]
