#!/bin/bash
# The `secure` variant's Kafka start (docker-compose.secure.yml): the official image's start script runs the
# broker; meanwhile its SCRAM-SHA-512 users are created through the BROKER listener, which listens on the
# container's loopback only (KRaft has no other way to create the first SCRAM user without a format option the
# image does not expose). /tmp/scram-users-ready tells the health check that clients can authenticate.
set -euo pipefail
rm -f /tmp/scram-users-ready
(
  for user in orderflow-admin order-service inventory-service payment-service shipping-service console; do
    until /opt/kafka/bin/kafka-configs.sh --bootstrap-server 127.0.0.1:9091 --alter --entity-type users \
        --entity-name "$user" --add-config "SCRAM-SHA-512=[password=${ORDERFLOW_KAFKA_PASSWORD}]" >/dev/null 2>&1; do
      sleep 2
    done
  done
  touch /tmp/scram-users-ready
) &
exec /etc/kafka/docker/run
