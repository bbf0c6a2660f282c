package dev.orderflow.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.SampleEvents;
import dev.orderflow.events.UndecodablePayload;
import dev.orderflow.events.order.v1.OrderPlaced;
import java.math.BigDecimal;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * OrderPlaced v1 revision 2 added {@code customerNote} (optional, default null). Consumers built
 * against revision 1 keep reading new events, and new consumers read events from old producers,
 * as long as each side decodes with the writer's schema (the registry supplies it at runtime).
 */
class AdditiveEvolutionTest {

    private static final EventDescriptor<OrderPlaced> ORDER_PLACED = EventCatalog.of(OrderPlaced.class);
    private static final Schema REVISION_1 = SchemaHistory.revision(ORDER_PLACED, 1).schema();
    private static final Schema REVISION_2 = SchemaHistory.revision(ORDER_PLACED, 2).schema();

    @Test
    void additiveFieldIsReadableByOldConsumer() {
        OrderPlaced placed = SampleEvents.orderPlaced();
        byte[] writtenWithRevision2 = AvroCodec.encode(placed);

        GenericRecord seenByRevision1Consumer = AvroCodec.decode(writtenWithRevision2, REVISION_2, REVISION_1);

        assertThat(seenByRevision1Consumer.getSchema().getField("customerNote")).isNull();
        assertThat(seenByRevision1Consumer.get("orderId")).hasToString(placed.getOrderId());
        assertThat(seenByRevision1Consumer.get("customerId")).hasToString(placed.getCustomerId());
        GenericRecord total = (GenericRecord) seenByRevision1Consumer.get("total");
        assertThat(total.get("amount")).isEqualTo(new BigDecimal("39.79"));
        assertThat(seenByRevision1Consumer.get("placedAt")).isEqualTo(placed.getPlacedAt());
    }

    @Test
    void eventsFromOldProducerAreReadByNewConsumerWithTheDefault() {
        OrderPlaced placed = SampleEvents.orderPlaced();
        // what a producer still on revision 1 publishes
        GenericRecord revision1Event = AvroCodec.decode(AvroCodec.encode(placed), REVISION_2, REVISION_1);
        byte[] writtenWithRevision1 = AvroCodec.encode(revision1Event);

        OrderPlaced seenByCurrentConsumer = AvroCodec.decode(writtenWithRevision1, REVISION_1, ORDER_PLACED);

        assertThat(seenByCurrentConsumer.getCustomerNote()).isNull();
        placed.setCustomerNote(null);
        assertThat(seenByCurrentConsumer).isEqualTo(placed);
    }

    @Test
    void bytesDecodedWithoutTheirWriterSchemaAreRefusedNotMisread() {
        byte[] writtenWithRevision1 =
                AvroCodec.encode(AvroCodec.decode(AvroCodec.encode(SampleEvents.orderPlaced()), REVISION_2, REVISION_1));

        // pretending revision-1 bytes were written with the current schema: the note is missing at the end
        assertThatThrownBy(() -> AvroCodec.decode(writtenWithRevision1, ORDER_PLACED))
                .isInstanceOf(UndecodablePayload.class);
        // pretending current bytes were written with revision 1: bytes are left over
        assertThatThrownBy(() -> AvroCodec.decode(AvroCodec.encode(SampleEvents.orderPlaced()), REVISION_1, REVISION_1))
                .isInstanceOf(UndecodablePayload.class)
                .hasMessageContaining("bytes left");
    }
}
