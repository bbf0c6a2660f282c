package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.outbox.AppendedEvent;
import dev.orderflow.messaging.outbox.EventAppender;
import dev.orderflow.messaging.outbox.OutboxEvent;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Fault point {@link FaultPoint#AFTER_COMMIT_BEFORE_PUBLISH} as a decorator of the appender: the
 * business transaction (with its outbox row) committed, nothing is published yet.
 */
public final class FaultAfterCommit implements EventAppender {
    private final EventAppender appender;
    private final FaultPoints faults;

    public FaultAfterCommit(EventAppender appender, FaultPoints faults) {
        this.appender = appender;
        this.faults = faults;
    }

    @Override
    public AppendedEvent append(Connection connection, OutboxEvent event) throws SQLException {
        return appender.append(connection, event);
    }

    @Override
    public void afterCommit(AppendedEvent appended) {
        faults.reach(FaultPoint.AFTER_COMMIT_BEFORE_PUBLISH);
        appender.afterCommit(appended);
    }
}
