# One image per orderflow service, from its Quarkus fast-jar (target/quarkus-app, built by ./mvnw package).
# Build context: the service's module directory, e.g.
#   docker build -f deploy/docker/quarkus-service.Dockerfile --build-arg SERVICE_PORT=8081 -t orderflow/order-service order-service
# A plain Dockerfile rather than the Quarkus container-image extension: the same file serves docker-compose.yml,
# CI's stand-in base (BASE_IMAGE) and anyone without a Maven build of their own, and it needs no registry credentials.
ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM ${BASE_IMAGE}

ARG SERVICE_PORT=8080
# prod,container: the container profile binds 0.0.0.0 (127.0.0.1 stays the default outside containers).
ENV QUARKUS_PROFILE=prod,container \
    QUARKUS_HTTP_PORT=${SERVICE_PORT} \
    LANG=C.UTF-8 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --add-opens java.base/java.lang=ALL-UNNAMED"

WORKDIR /deployments
# Layers from the least to the most often changed: dependencies, then Quarkus's generated code, then the app.
COPY --chown=185:0 target/quarkus-app/lib/ lib/
COPY --chown=185:0 target/quarkus-app/quarkus/ quarkus/
COPY --chown=185:0 target/quarkus-app/quarkus-run.jar quarkus-run.jar
COPY --chown=185:0 target/quarkus-app/app/ app/

# Non-root; a numeric id needs no passwd entry, so any base image works.
USER 185
EXPOSE ${SERVICE_PORT}

# bash's /dev/tcp instead of curl: not every JRE base image has curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${QUARKUS_HTTP_PORT} && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["sh", "-c", "exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar"]
