package dev.orderflow.messaging.registry;

import dev.orderflow.events.UndecodablePayload;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.IdHandler;
import io.apicurio.registry.serde.avro.AvroDeserializer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The consumer side of the registry's wire format (magic byte {@code 0}, schema id, Avro binary):
 * finds the schema a payload was written with, by the id in its first bytes.
 */
final class WireFormatReader {
    private static final byte MAGIC_BYTE = 0;

    private final AvroDeserializer<GenericRecord> deserializer;
    private final IdHandler idHandler;

    WireFormatReader(AvroDeserializer<GenericRecord> deserializer) {
        this.deserializer = deserializer;
        this.idHandler = deserializer.getSerdeConfigurer().getIdHandler();
    }

    /**
     * The schema a payload in the registry's wire format was written with, resolved by the id in
     * its first bytes (cached after the first lookup).
     *
     * @throws UndecodablePayload not in the registry's wire format (no magic byte, too short)
     * @throws UnknownSchemaIdException the registry has no schema with that id
     * @throws SchemaRegistryUnavailableException the registry could not be asked: try again later
     */
    public Schema writerSchema(byte[] payload) {
        ArtifactReference reference = readId(payload);
        SchemaResolver<Schema, GenericRecord> resolver = deserializer.getSerdeConfigurer().getSchemaResolver();
        try {
            return resolver.resolveSchemaByArtifactReference(reference).getParsedSchema().getParsedSchema();
        } catch (RuntimeException failure) {
            if (RegistryFailures.statusOf(failure) == 404 || RegistryFailures.isNotFound(failure)) {
                throw new UnknownSchemaIdException(describe(reference), failure);
            }
            throw new SchemaRegistryUnavailableException("cannot resolve schema " + describe(reference) + ": " + failure, failure);
        }
    }

    /** The Avro binary after the wire-format header. */
    public byte[] avroBinary(byte[] payload) {
        ArtifactReference reference = readId(payload);
        int header = 1 + idHandler.idSize(reference, ByteBuffer.wrap(payload, 1, payload.length - 1));
        return Arrays.copyOfRange(payload, header, payload.length);
    }

    private ArtifactReference readId(byte[] payload) {
        if (payload == null || payload.length < 1 + idHandler.idSize()) {
            throw new UndecodablePayload("payload of " + (payload == null ? "no" : payload.length)
                    + " bytes is too short for the schema registry's wire format (magic byte + schema id)", null);
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new UndecodablePayload("payload does not start with the schema registry's magic byte 0 (found "
                    + payload[0] + "): it was not serialized through the registry", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        buffer.get();
        return idHandler.readId(buffer);
    }

    private static String describe(ArtifactReference reference) {
        return reference.getContentId() != null ? "content id " + reference.getContentId()
                : reference.getGlobalId() != null ? "global id " + reference.getGlobalId() : String.valueOf(reference);
    }
}
