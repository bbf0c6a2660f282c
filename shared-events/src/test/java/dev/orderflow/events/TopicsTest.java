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

    @Test
    void everyTopicNamesTheSourceOfItsOneProducerSoConsumersCanRefuseRecordsFromAnyOther() {
        assertThat(Topics.producerSource(Topics.ORDERS)).contains("/orderflow/order-service");
        assertThat(Topics.producerSource(Topics.deliveredTopicOf(Topics.PAYMENTS))).contains("/orderflow/payment-service");
        for (String topic : Topics.ALL) {
            assertThat(Topics.producerSource(topic)).as(topic).isPresent();
        }
        assertThat(Topics.producerSource("test.ledger.events")).as("a topic outside the contract").isEmpty();
    }
}
