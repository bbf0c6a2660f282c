package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.envelope.InboundRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.registry.WriterSchemas;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the shared real schema registry: payloads in its wire format, as the relay publishes them. */
class IncomingEventPayloadTest {
    private static final ApicurioSchemas SCHEMAS = ApicurioSchemas.connect(RegistrySettings.of(TestInfra.shared().registryUrl()));

    @Test
    void payloadDecodesAsItsTypeWhenItNamesTheSubject() {
        IncomingEvent event = event("o-1", framed(cancelled("o-1")));

        assertThat(event.payloadAs(ShipmentCancelled.class, "orderId").getOrderId()).isEqualTo("o-1");
    }

    @Test
    void payloadOfAnotherAggregateThanTheKeyIsAPermanentFailure() {
        IncomingEvent event = event("o-1", framed(cancelled("o-2")));

        assertThatThrownBy(() -> event.payloadAs(ShipmentCancelled.class, "orderId"))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("orderId o-2 arrived with subject o-1");
    }

    @Test
    void undecodablePayloadIsAPermanentFailure() {
        IncomingEvent event = event("o-1", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> event.payloadAs(ShipmentCancelled.class, "orderId"))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("cannot decode " + EventTypes.SHIPMENT_CANCELLED_V1);
    }

    private static byte[] framed(ShipmentCancelled event) {
        return SCHEMAS.serialize("shipping.events", EventTypes.SHIPMENT_CANCELLED_V1,
                WriterSchemas.current().of(EventTypes.SHIPMENT_CANCELLED_V1), AvroCodec.encode(event));
    }

    private static ShipmentCancelled cancelled(String orderId) {
        return ShipmentCancelled.newBuilder().setOrderId(orderId).setCancelledAt(Instant.EPOCH).build();
    }

    private static IncomingEvent event(String subject, byte[] payload) {
        Map<String, String> headers = Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.SHIPMENT_CANCELLED_V1,
                CloudEventHeaders.SOURCE, "/orderflow/shipping-service",
                CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.TIME, Instant.EPOCH.toString(),
                CloudEventHeaders.SEQUENCE, "1");
        return new IncomingEvent(EventEnvelope.fromHeaders(headers), new InboundRecord("shipping.events", 0, 0, subject, headers, payload),
                new RegistryEventDecoder(SCHEMAS));
    }
}
