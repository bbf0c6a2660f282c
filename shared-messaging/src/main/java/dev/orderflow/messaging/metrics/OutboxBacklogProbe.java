package dev.orderflow.messaging.metrics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Measures the outbox backlog (pending rows, age of the oldest) from the table itself, in every
 * instance and independently of the relay: the age must keep rising while the relay is down or
 * stuck, which is exactly when a relay could not report it.
 */
@ApplicationScoped
public class OutboxBacklogProbe {
    private static final Logger LOG = Logger.getLogger(OutboxBacklogProbe.class);

    @Inject
    DataSource dataSource;

    @Inject
    MessagingMetrics metrics;

    @Scheduled(every = "${orderflow.messaging.metrics.outbox-backlog-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint
                        FROM messaging_outbox WHERE published_at IS NULL""")) {
            rs.next();
            metrics.outboxBacklog(rs.getLong(1), rs.getLong(2));
        } catch (SQLException | RuntimeException e) {
            // The database is unreachable: readiness says so; keep the last values rather than fake zeros.
            LOG.debugf("outbox backlog not measured: %s", e.toString());
        }
    }
}
