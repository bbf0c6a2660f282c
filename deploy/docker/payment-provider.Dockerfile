# The payment provider stub (sandbox/payment-provider, a plain Java HTTP server, not Quarkus): the outside
# world's payment API for compose and Kubernetes demos. Build context: sandbox/payment-provider after ./mvnw package.
#   docker build -f deploy/docker/payment-provider.Dockerfile -t orderflow/payment-provider sandbox/payment-provider
ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM ${BASE_IMAGE}

ENV PROVIDER_PORT=8090 \
    PROVIDER_JDBC_URL=jdbc:postgresql://postgres:5432/payment_provider_db \
    PROVIDER_DB_USER=postgres \
    PROVIDER_DB_PASSWORD=postgres \
    LANG=C.UTF-8 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

WORKDIR /deployments
COPY --chown=185:0 target/lib/ lib/
COPY --chown=185:0 target/payment-provider-*.jar payment-provider.jar

USER 185
EXPOSE 8090

# The stub has no /q/health: its admin endpoint answers 200 once it serves (after its ledger tables exist).
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PROVIDER_PORT} && printf 'GET /v1/admin/faults HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["sh", "-c", "exec java ${JAVA_OPTS} -cp '/deployments/payment-provider.jar:/deployments/lib/*' dev.orderflow.provider.PaymentProviderMain --host 0.0.0.0 --port \"${PROVIDER_PORT}\" --jdbc-url \"${PROVIDER_JDBC_URL}\" --user \"${PROVIDER_DB_USER}\" --password \"${PROVIDER_DB_PASSWORD}\""]
