package dev.orderflow.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series registered at 0 before anything happens, so Prometheus's increase() sees their first move. */
class MessagingMetricsTest {

    @Test
    void skippedSeriesOfEveryContractOfTheConsumersTopicsExistBeforeTheFirstSkip() {
        MessagingMetrics metrics = MessagingMetrics.inMemory();
        metrics.registerConsumerSeries("order-service", List.of(Topics.deliveredTopicOf(Topics.PAYMENTS), Topics.SHIPPING));

        for (String type : List.of(EventTypes.PAYMENT_CAPTURED_V1, EventTypes.PAYMENT_CAPTURED_V2, EventTypes.SHIPMENT_SCHEDULED_V1)) {
            var counter = metrics.registry().find("orderflow.events.skipped").tags("consumer", "order-service", "type", type).counter();
            assertThat(counter).as(type).isNotNull();
            assertThat(counter.count()).isZero();
        }
        assertThat(metrics.registry().find("orderflow.events.skipped").tags("type", EventTypes.ORDER_PLACED_V1).counter())
                .as("a topic the consumer does not read")
                .isNull();
    }
}
