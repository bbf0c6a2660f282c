package dev.orderflow.console.learn;

import java.util.List;

/**
 * The Learn page's cards: one per pattern, in the order docs/learn.md teaches them. Each names the
 * failure the pattern prevents, its docs page, and its lab, or why it has none and what shows it instead
 * (the same reasons `orderflow help lab` gives).
 */
public final class PatternCards {
    private PatternCards() {}

    /**
     * @param id the card's anchor and the lab's name when it has one
     * @param failure the failure it prevents, in two sentences
     * @param doc the docs page ({@link DocPages} name), with a #section when the page covers more than the pattern
     * @param lab the `orderflow lab` argument, or null
     * @param noLab why there is no lab and which test or chaos scenario shows the failure instead, or null
     * @param labShows what the lab does, in a line, or null
     */
    public record Card(String id, String title, String failure, String doc, String lab, String labShows, String noLab) {
        /** Where the docs page lives in the repository. */
        public String docPath() {
            return DocPages.repositoryPath(doc.split("#")[0]);
        }
    }

    public static final List<Card> ALL = List.of(
            new Card("outbox", "Transactional outbox",
                    "A service that commits an order and then publishes OrderPlaced makes a dual write: a crash between the two "
                            + "leaves an order no other service ever hears of. Stock is never reserved, nobody is charged, and the order never ends.",
                    "transactional-outbox", "outbox", "order-service halts between the commit and the publish, with a dual write, then with the outbox.",
                    null),
            new Card("inbox", "Idempotent consumer (inbox)",
                    "Kafka delivers at least once: a consumer that crashes after its database commit but before its offset commit "
                            + "gets the event again. Without a dedupe record in the same transaction, that second delivery reserves, charges or ships twice.",
                    "idempotent-consumer", null, null,
                    "No lab: with the inbox alone switched off, a redelivered event is stale to the sequence check and skipped, so the naive run "
                            + "would show no damage. ConsumerOrderingTest.withoutInboxAndSequenceChecksDuplicateDeliveryIsAppliedTenTimes switches both "
                            + "off (ten effects; duplicateDeliveryIsAppliedOnce: one); on a platform, ./orderflow chaos --mode naive."),
            new Card("ordering", "Per-aggregate ordering",
                    "Kafka keeps order only within a partition, and redeliveries, relay failovers and replays can still deliver an "
                            + "order's newer event before an older one. Applied in arrival order, a release meets a reservation that has not happened yet and the order is stranded.",
                    "per-aggregate-ordering", "ordering", "an order's InventoryReleased is delivered before its InventoryReserved, without and with sequence checks.",
                    null),
            new Card("idempotency-key", "Idempotency key",
                    "A payment provider can take the charge and then time out before it answers. Retried as a new request, the "
                            + "customer is charged twice; under the order's idempotency key the provider returns the first charge instead.",
                    "payment-service#the-provider-call-and-why-a-retry-cannot-charge-twice", "idempotency-key", "the provider charges, then times out, and payment-service retries: a new key per attempt, then one key per order.",
                    null),
            new Card("failure-classification", "Failure classification and dead letters",
                    "Treat a transient failure (the database restarting) like a bad message and good events are dead-lettered during "
                            + "every outage. Treat a permanent one (an undecodable payload) like a transient one and a single poison record blocks its partition forever.",
                    "failure-classification-and-dead-letters", "poison",
                    "a poison record on an order's partition, with every failure treated as transient (retried forever), then with the classifier.",
                    null),
            new Card("schema", "Schema evolution",
                    "Producers and consumers deploy separately and Kafka keeps old events, so a careless schema change leaves consumers "
                            + "that cannot read what is on the topic. Every such event goes to the dead-letter topic, usually in production and for one service only.",
                    "schema-evolution", "schema", "a breaking OrderPlaced revision is published without the compatibility rule, then with it (gate and registry).",
                    null),
            new Card("trace", "Observability: one trace per order",
                    "The outbox relay publishes an event after the request that wrote it has ended, so tracing that takes its parent "
                            + "from the current context starts a new trace at every hop. When an order gets stuck, its story is spread over four services with nothing to join it.",
                    "observability", "trace", "one order through the four services, with the relay dropping each row's trace, then carrying it.",
                    null));
}
