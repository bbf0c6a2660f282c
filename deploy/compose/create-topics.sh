#!/bin/bash
# The topic-init job of docker-compose.yml: every event topic and its .dlq, 6 partitions each (the services
# never create topics). Idempotent: reruns leave existing topics alone. Runs in the Kafka image.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION:-1}"
config=()
[[ -n "${KAFKA_CLIENT_CONFIG:-}" ]] && config=(--command-config "$KAFKA_CLIENT_CONFIG")
for topic in orders.events inventory.events payments.events shipping.events; do
  for name in "$topic" "$topic.dlq"; do
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${config[@]}" --create --if-not-exists \
      --topic "$name" --partitions "$partitions" --replication-factor "$replication"
  done
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${config[@]}" --list
