package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void everyWireTypeConstantIsCatalogued() throws IllegalAccessException {
        for (Field constant : EventTypes.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
                String type = (String) constant.get(null);
                assertThat(EventCatalog.byType(type)).as(constant.getName()).isPresent();
            }
        }
        assertThat(EventCatalog.all()).hasSize((int) Arrays.stream(EventTypes.class.getFields()).count());
    }

    @Test
    void consumerDispatchesByWireTypeToTheGeneratedClassOfThatMajorVersion() {
        assertThat(EventCatalog.require(EventTypes.PAYMENT_CAPTURED_V1).recordClass()).isEqualTo(PaymentCaptured.class);
        assertThat(EventCatalog.require(EventTypes.PAYMENT_CAPTURED_V2).recordClass())
                .isEqualTo(dev.orderflow.events.payment.v2.PaymentCaptured.class);
        assertThat(EventCatalog.require(EventTypes.PAYMENT_CAPTURED_V2).topic()).isEqualTo(Topics.PAYMENTS);
    }

    @Test
    void producerFindsTheWireTypeOfEveryRecordItPublishes() {
        for (SpecificRecord event : SampleEvents.all()) {
            String type = EventCatalog.typeOf(event);
            assertThat(EventCatalog.require(type).recordClass()).isEqualTo(event.getClass());
        }
        assertThat(EventCatalog.typeOf(SampleEvents.orderPlaced())).isEqualTo(EventTypes.ORDER_PLACED_V1);
    }

    @Test
    void unknownOrMissingWireTypeIsRefusedSoTheConsumerCanDeadLetterIt() {
        assertThatThrownBy(() -> EventCatalog.require("dev.orderflow.order.OrderShredded.v1"))
                .isInstanceOf(UnknownEventType.class)
                .hasMessageContaining("OrderShredded");
        assertThatThrownBy(() -> EventCatalog.require(null))
                .isInstanceOf(UnknownEventType.class)
                .hasMessageContaining("no ce_type");
        // the class name is not a wire name
        assertThat(EventCatalog.byType(OrderPlaced.class.getName())).isEmpty();
    }

    @Test
    void wireTypeMajorVersionMatchesTheSchemaNamespace() {
        for (EventDescriptor<?> event : EventCatalog.all()) {
            assertThat(event.schema().getNamespace()).endsWith(".v" + event.majorVersion());
            assertThat(event.type()).endsWith("." + event.eventName() + ".v" + event.majorVersion());
            assertThat(event.schema().getField("orderId")).as(event.label() + " carries the key").isNotNull();
        }
    }
}
