# Stand-in for apache/kafka: Apache's broker jars (the ones local-infra runs) on the stand-in base, with the
# image's contract: KAFKA_* environment -> server.properties, CLUSTER_ID, /opt/kafka/bin/*.sh, /etc/kafka/docker/run.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY libs/ /opt/kafka/libs/
COPY kafka-run.sh /etc/kafka/docker/run
COPY kafka-tool.sh /opt/kafka/bin/kafka-tool.sh
COPY log4j2.properties /opt/kafka/config/log4j2.properties
RUN chmod +x /etc/kafka/docker/run /opt/kafka/bin/kafka-tool.sh \
 && for t in kafka-topics:org.apache.kafka.tools.TopicCommand kafka-broker-api-versions:org.apache.kafka.tools.BrokerApiVersionsCommand \
             kafka-configs:kafka.admin.ConfigCommand kafka-storage:kafka.tools.StorageTool; do \
      printf '#!/bin/bash\nexec /opt/kafka/bin/kafka-tool.sh %s "$@"\n' "${t#*:}" > "/opt/kafka/bin/${t%%:*}.sh"; \
      chmod +x "/opt/kafka/bin/${t%%:*}.sh"; done \
 && mkdir -p /var/lib/kafka/data && chown 1000:1000 /var/lib/kafka/data
USER 1000
CMD ["/etc/kafka/docker/run"]
