package dev.orderflow.order.service;

import static dev.orderflow.order.service.StoppingServiceTransactions.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A placement whose service stops before it commits: the order, its PLACED step and OrderPlaced, or none. */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
@TestProfile(StoppingServiceTransactions.OwnApplication.class)
class StoppingServicePlacementTest {

    @Inject
    OrderService orders;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOrderPlacedAsThePersistenceUnitClosesCommitsWithItsPlacedStep() throws Exception {
        UUID orderId = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = orders.placeOrder(StoppingServiceTransactions.ORDER, Optional.empty()).order().id;
            StoppingServiceTransactions.closePersistenceUnit(); // the stop arrives before the commit
            return id;
        });

        // Before the fix: the order and its outbox row, without the PLACED step (flushed at commit, skipped).
        assertThat(count(dataSource, "SELECT count(*) FROM customer_order WHERE id = ?", orderId)).isEqualTo(1);
        assertThat(count(dataSource, "SELECT count(*) FROM messaging_outbox WHERE aggregate_id = ?", orderId.toString())).isEqualTo(1);
        assertThat(count(dataSource, "SELECT count(*) FROM order_transition WHERE order_id = ? AND to_status = 'PLACED'", orderId))
                .as("PLACED step of order %s", orderId).isEqualTo(1);
    }
}
