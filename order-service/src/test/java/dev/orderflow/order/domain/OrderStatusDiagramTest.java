package dev.orderflow.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.StateDiagram;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/saga.md draws the order's state machine; this keeps the picture equal to {@link OrderStatus}'s table. */
class OrderStatusDiagramTest {
    private static final Path SAGA_PAGE =
            Path.of(System.getProperty("orderflow.home", "..")).resolve("docs/saga.md");

    @Test
    void sagaPageDrawsExactlyTheTransitionsTheTableAllows() {
        StateDiagram diagram = StateDiagram.in(SAGA_PAGE, "OrderStatus");
        assertThat(diagram.differencesFrom(OrderStatus.class, OrderStatus::canMoveTo, OrderStatus::isTerminal)).isEmpty();
    }

    @Test
    void eachDrawnMoveIsLabelledWithTheFactThatLeadsToItsTarget() {
        for (StateDiagram.Transition move : StateDiagram.in(SAGA_PAGE, "OrderStatus").transitions()) {
            assertThat(Arrays.stream(OrderFact.values()).filter(f -> f.target.name().equals(move.to())).map(OrderStatusDiagramTest::wireName))
                    .as("%s", move).contains(move.label());
        }
    }

    @Test
    void aPictureThatDisagreesWithTheTableFailsTheCheck() throws URISyntaxException {
        Path wrong = Path.of(getClass().getResource("/diagram-fixtures/wrong-order-states.md").toURI());
        assertThat(StateDiagram.in(wrong, "OrderStatus").differencesFrom(OrderStatus.class, OrderStatus::canMoveTo, OrderStatus::isTerminal))
                .containsExactlyInAnyOrder(
                        "drawn but not in the table: SHIPPED --> CANCELLED",
                        "in the table but not drawn: PAID --> CANCELLED",
                        "terminal but not drawn so: CANCELLED");
    }

    /** INVENTORY_RESERVED -> InventoryReserved, the event's name. */
    private static String wireName(OrderFact fact) {
        return Arrays.stream(fact.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining());
    }
}
