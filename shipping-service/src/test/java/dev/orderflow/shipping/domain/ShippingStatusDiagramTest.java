package dev.orderflow.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.StateDiagram;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/saga.md draws this service's state machine; this keeps the picture equal to {@link ShippingStatus}'s table. */
class ShippingStatusDiagramTest {
    private static final Path SAGA_PAGE =
            Path.of(System.getProperty("orderflow.home", "..")).resolve("docs/saga.md");

    @Test
    void sagaPageDrawsExactlyTheTransitionsTheTableAllows() {
        StateDiagram diagram = StateDiagram.in(SAGA_PAGE, "ShippingStatus");
        assertThat(diagram.differencesFrom(ShippingStatus.class, ShippingStatus::canMoveTo, ShippingStatus::isTerminal)).isEmpty();
    }
}
