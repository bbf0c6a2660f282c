# Stand-in for apicurio/apicurio-registry: the same 3.3.3 server distribution local-infra runs, on the
# stand-in base; in-memory storage and the API on :8080 like the official image.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY apicurio/ /opt/apicurio/
USER 1001
EXPOSE 8080
CMD ["java", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dquarkus.http.host=0.0.0.0", "-Dquarkus.http.port=8080", "-jar", "/opt/apicurio/quarkus-run.jar"]
