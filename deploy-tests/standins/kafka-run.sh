#!/bin/bash
# The apache/kafka image's start contract: every KAFKA_<NAME> variable becomes a server property
# (_ -> ., __ -> _, ___ -> -), the storage is formatted with CLUSTER_ID on first start, then the broker runs.
set -euo pipefail
props=/tmp/server.properties
: > "$props"
while IFS='=' read -r name value; do
  case "$name" in KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS) continue ;; KAFKA_*) ;; *) continue ;; esac
  key="${name#KAFKA_}"
  key="$(printf '%s' "$key" | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g' | tr 'A-Z' 'a-z')"
  printf '%s=%s\n' "$key" "$value" >> "$props"
done < <(env)
logdir="$(awk -F= '$1=="log.dirs" {print $2}' "$props")"
if [[ ! -f "${logdir:-/tmp/kraft-combined-logs}/meta.properties" ]]; then
  java -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format -t "${CLUSTER_ID:?CLUSTER_ID is required}" -c "$props" --ignore-formatted
fi
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' kafka.Kafka "$props"
