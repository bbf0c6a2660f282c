#!/bin/bash
# The topic-init job of docker-compose.yml: every event topic and its .dlq, 6 partitions each (the services
# never create topics). Idempotent: reruns leave existing topics alone. Runs in the Kafka image.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION:-1}"
config=()
if [[ -n "${KAFKA_SECURITY_PROTOCOL:-}" ]]; then
  # The secure variant: authenticate like the services (SCRAM), from the same variables.
  printf 'security.protocol=%s\nsasl.mechanism=%s\nsasl.jaas.config=%s\n' "$KAFKA_SECURITY_PROTOCOL" \
    "${KAFKA_SASL_MECHANISM:-SCRAM-SHA-512}" "${KAFKA_SASL_JAAS_CONFIG:?}" > /tmp/client.properties
  config=(--command-config /tmp/client.properties)
fi
for topic in orders.events inventory.events payments.events shipping.events; do
  for name in "$topic" "$topic.dlq"; do
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${config[@]}" --create --if-not-exists \
      --topic "$name" --partitions "$partitions" --replication-factor "$replication"
  done
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${config[@]}" --list
