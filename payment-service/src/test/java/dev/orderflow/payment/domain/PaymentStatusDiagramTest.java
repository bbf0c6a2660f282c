package dev.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.StateDiagram;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/saga.md draws this service's state machine; this keeps the picture equal to {@link PaymentStatus}'s table. */
class PaymentStatusDiagramTest {
    private static final Path SAGA_PAGE =
            Path.of(System.getProperty("orderflow.home", "..")).resolve("docs/saga.md");

    @Test
    void sagaPageDrawsExactlyTheTransitionsTheTableAllows() {
        StateDiagram diagram = StateDiagram.in(SAGA_PAGE, "PaymentStatus");
        assertThat(diagram.differencesFrom(PaymentStatus.class, PaymentStatus::canMoveTo, PaymentStatus::isTerminal)).isEmpty();
    }
}
