# syntax=docker/dockerfile:1
# One image recipe for either side; MODULE names it (docker-compose.yml sets it):
#   docker build --build-arg MODULE=command-side -t roadmap-ledger/command-side .
#   docker build --build-arg MODULE=query-side -t roadmap-ledger/query-side .
ARG MODULE=command-side

# --- build: JDK and the Maven wrapper; the local Maven repository is a build cache, not a layer ---------------------
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Every module's POM makes the reactor; only shared-api, proof, platform and MODULE are built.
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY standalone/pom.xml standalone/
COPY benchmarks/pom.xml benchmarks/
COPY peer-baseline/pom.xml peer-baseline/
COPY verifier/pom.xml verifier/
COPY shared-api/ shared-api/
COPY proof/ proof/
COPY platform/ platform/
COPY ${MODULE}/ ${MODULE}/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -pl ${MODULE} -am package -DskipTests \
    && cp ${MODULE}/target/${MODULE}-*-exec.jar /app.jar

# --- run: JRE only, as an unprivileged user ----------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system ledger && useradd --system --gid ledger --home-dir /app --shell /usr/sbin/nologin ledger \
    && mkdir -p /app/data && chown -R ledger:ledger /app
WORKDIR /app
COPY --from=build --chown=ledger:ledger /app.jar app.jar
USER ledger
ENV LEDGER_PORT=8080 \
    LEDGER_DATA_DIR=/app/data
EXPOSE 8080
# Ready when /actuator/health/readiness says UP; bash's /dev/tcp, as the JRE image has no HTTP client.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["bash", "-c", \
    "exec 3<>/dev/tcp/127.0.0.1/${LEDGER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# The JVM sizes its heap from the container's memory limit; SIGTERM stops it gracefully (server.shutdown). Out of
# heap it exits, for the restart policy to start it again: a JVM that lives on after an OutOfMemoryError has lost
# threads at random (in one such run, the HTTP acceptor and the MongoDB driver's monitor: liveness hung, the views
# stalled), while a restart resumes every processor from its token.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
