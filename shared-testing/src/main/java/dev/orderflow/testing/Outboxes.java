package dev.orderflow.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** The service under test's outbox (shared-messaging's {@code messaging_outbox}), seen from a test. */
public final class Outboxes {
    private Outboxes() {}

    /** Waits until the relay has published every committed row: what the service decided is on its topic. */
    public static void awaitDrained(DataSource dataSource) {
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublishedRows(dataSource) == 0);
    }

    public static long unpublishedRows(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }
}
