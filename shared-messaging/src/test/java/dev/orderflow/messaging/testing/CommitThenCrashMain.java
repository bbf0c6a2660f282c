package dev.orderflow.messaging.testing;

import dev.orderflow.messaging.lab.FaultAction;
import dev.orderflow.messaging.lab.FaultPoint;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.lab.DualWriteAppender;
import dev.orderflow.messaging.lab.FaultAfterCommit;
import dev.orderflow.messaging.outbox.AppendedEvent;
import dev.orderflow.messaging.outbox.EventAppender;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.relay.PayloadEncoder;
import dev.orderflow.messaging.relay.RelayProducers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Child process: a use case commits its business row (and, with the outbox, the event row), then
 * the process halts at the fault point after-commit-before-publish.
 * Args: jdbcUrl user password bootstrap topic aggregateId outbox|dual-write
 */
public final class CommitThenCrashMain {
    public static void main(String[] args) throws Exception {
        boolean dualWrite = args[6].equals("dual-write");
        var producer = dualWrite ? RelayProducers.create(args[3], "dual-writer") : null;
        OutboxWriter outbox = new OutboxWriter("/orderflow/test-service");
        EventAppender writer = new FaultAfterCommit(
                dualWrite ? new DualWriteAppender(outbox, producer, PayloadEncoder.unchanged()) : outbox,
                FaultPoints.of(FaultPoint.AFTER_COMMIT_BEFORE_PUBLISH, FaultAction.HALT));
        AppendedEvent appended;
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO test_business (id) VALUES (?)")) {
                insert.setString(1, args[5]);
                insert.executeUpdate();
            }
            appended = writer.append(connection, OutboxEvent.of(
                    "Order", args[5], Events.TEST_TYPE, args[4], "placed".getBytes(StandardCharsets.UTF_8))
                    .withContentType(Events.OPAQUE));
            connection.commit();
        }
        System.out.println("COMMITTED " + appended.envelope().id());
        writer.afterCommit(appended);
        System.out.println("NOT HALTED");
        System.exit(0);
    }
}
