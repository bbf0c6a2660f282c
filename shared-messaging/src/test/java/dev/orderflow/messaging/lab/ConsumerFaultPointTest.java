package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.consumer.ConsumerSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.lab.FaultAction;
import dev.orderflow.messaging.lab.FaultPoint;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProcessorHarness;
import dev.orderflow.messaging.testing.TestDatabase;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The consumer's transaction committed but the acknowledgement failed: the retry must not apply it again. */
class ConsumerFaultPointTest {

    @Test
    void failureBetweenConsumerCommitAndOffsetCommitIsAppliedOnce() {
        TestDatabase db = TestDatabase.create();
        String topic = Events.newTopic("test.consumer-fault", 1);
        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, Events.record(topic, Events.envelope("/orderflow/test-producer", "order-" + UUID.randomUUID(), 1), "x"));
        }
        FaultPoints faults = FaultPoints.of(FaultPoint.AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT, FaultAction.FAIL);
        try (ProcessorHarness harness = new ProcessorHarness(db, topic, ConsumerSettings.defaults("test-service"), faults)) {
            harness.pumpUntil(() -> harness.results.size() == 1);
            // Committed once, failed at the fault point, retried: the inbox recognised its own commit.
            assertThat(harness.results.getFirst().outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(harness.metrics.count("orderflow.consumer.transient.retries", "consumer", "test-consumer")).isEqualTo(1);
        }
        assertThat(db.queryLong("SELECT count(*) FROM test_applied_effect")).isEqualTo(1);
    }
}
