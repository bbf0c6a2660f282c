package dev.orderflow.messaging.relay;

/** One unpublished outbox row as the relay reads it: the payload as stored (plain Avro) and the CloudEvents headers as JSON. */
public record OutboxRow(long id, String aggregateId, String topic, String key, byte[] payload, String headers) {}
