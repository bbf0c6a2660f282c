package dev.orderflow.messaging.registry;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.relay.PayloadEncoder;
import java.util.Map;

/**
 * The relay's encoder in a service: an Avro event ({@code content-type: application/avro}) is
 * published in the registry's wire format, its writer schema registered under its {@code ce_type}
 * (and refused there if it breaks the compatibility rule). Payloads of any other content type are
 * not registry-governed contracts and are published unchanged.
 */
public final class RegistryPayloadEncoder implements PayloadEncoder {
    private final ApicurioSchemas schemas;
    private final WriterSchemas writerSchemas;

    public RegistryPayloadEncoder(ApicurioSchemas schemas, WriterSchemas writerSchemas) {
        this.schemas = schemas;
        this.writerSchemas = writerSchemas;
    }

    public RegistryPayloadEncoder(ApicurioSchemas schemas) {
        this(schemas, WriterSchemas.current());
    }

    @Override
    public byte[] encode(String topic, Map<String, String> headers, byte[] stored) {
        if (!CloudEventHeaders.AVRO_BINARY.equals(headers.get(CloudEventHeaders.CONTENT_TYPE))) {
            return stored;
        }
        String type = headers.get(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new SchemaRefusedException("(no ce_type)", "an Avro event without ce_type names no contract", null);
        }
        return schemas.serialize(topic, type, writerSchemas.of(type), stored);
    }
}
