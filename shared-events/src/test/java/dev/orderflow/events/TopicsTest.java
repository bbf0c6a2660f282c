package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void recordConsumedFromADeliveryTopicIsDeadLetteredBesideItsOriginalTopic() {
        for (String topic : Topics.ALL) {
            assertThat(Topics.deadLetterTopicOf(Topics.deliveredTopicOf(topic))).isEqualTo(topic + ".dlq");
            assertThat(Topics.deadLetterTopicOf(topic)).isEqualTo(topic + ".dlq");
            assertThat(Topics.originOf(Topics.deliveredTopicOf(topic))).isEqualTo(topic);
        }
    }
}
