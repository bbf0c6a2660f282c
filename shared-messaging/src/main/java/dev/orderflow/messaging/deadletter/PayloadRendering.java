package dev.orderflow.messaging.deadletter;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A dead letter's payload as text for an operator: the event decoded when possible (the schema
 * registry's wire format — magic byte 0, 4-byte schema id — around the Avro binary of its
 * {@code ce_type}), else UTF-8 text, else base64. Decoding uses this build's contract of the type,
 * which is what a dead letter of this version was written with.
 */
public final class PayloadRendering {
    private static final int REGISTRY_HEADER = 5;

    public static String render(String eventType, byte[] payload) {
        if (payload == null) {
            return "(no payload)";
        }
        var descriptor = eventType == null ? java.util.Optional.<dev.orderflow.events.EventDescriptor<?>>empty() : EventCatalog.byType(eventType);
        if (descriptor.isPresent() && payload.length > REGISTRY_HEADER && payload[0] == 0) {
            try {
                return AvroCodec.decode(Arrays.copyOfRange(payload, REGISTRY_HEADER, payload.length), descriptor.get()).toString();
            } catch (RuntimeException notThatContract) {
                // fall through: show it raw
            }
        }
        try {
            return "(not decodable as " + eventType + ") " + StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException binary) {
            return "(not decodable as " + eventType + ", base64) " + Base64.getEncoder().encodeToString(payload);
        }
    }

    private PayloadRendering() {}
}
