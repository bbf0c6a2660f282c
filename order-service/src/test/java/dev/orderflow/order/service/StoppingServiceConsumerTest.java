package dev.orderflow.order.service;

import static dev.orderflow.order.service.StoppingServiceTransactions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.messaging.inbox.Inbox;
import dev.orderflow.messaging.jdbc.JtaTransactionRunner;
import dev.orderflow.order.domain.OrderFact;
import dev.orderflow.order.domain.OrderTransition;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consumer transaction whose service stops before it commits: the inbox row and the order's step
 * commit together or not at all (else the redelivered event is a duplicate and the step is lost).
 */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
@TestProfile(StoppingServiceTransactions.AnotherOwnApplication.class)
class StoppingServiceConsumerTest {
    private static final String CONSUMER = "stopping-service-test";

    @Inject
    OrderService orders;

    @Inject
    JtaTransactionRunner transactions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventAppliedAsThePersistenceUnitClosesLeavesNeitherItsInboxRowNorHalfItsChange() throws Exception {
        UUID orderId = orders.placeOrder(StoppingServiceTransactions.ORDER, Optional.empty()).order().id;
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.inNewTransaction(connection -> {
            Inbox.record(connection, CONSUMER, eventId);
            orders.follow(orderId, OrderFact.INVENTORY_RESERVED,
                    new OrderTransition.Cause(eventId, "dev.orderflow.inventory.InventoryReserved.v1", 1));
            StoppingServiceTransactions.closePersistenceUnit(); // the stop arrives before the commit
            return null;
        })).as("a transaction that cannot write all of its change must not commit").isNotNull();

        // Before the fix: the inbox row committed, the RESERVED step (flushed at commit) did not.
        assertThat(count(dataSource, "SELECT count(*) FROM messaging_inbox WHERE consumer = ? AND event_id = ?", CONSUMER, eventId))
                .as("inbox row").isZero();
        assertThat(count(dataSource, "SELECT count(*) FROM order_transition WHERE order_id = ? AND to_status = 'RESERVED'", orderId))
                .isZero();
        assertThat(count(dataSource, "SELECT count(*) FROM customer_order WHERE id = ? AND status = 'PLACED'", orderId)).isEqualTo(1);
    }
}
