#!/bin/bash
# Runs one Kafka CLI class (the official image's bin/*.sh do the same through kafka-run-class.sh).
main="$1"; shift
exec java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '/opt/kafka/libs/*' "$main" "$@"
