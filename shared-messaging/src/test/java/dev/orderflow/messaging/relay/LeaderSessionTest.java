package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.messaging.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The leader lock lives with its database session, and the relay asks for it on its other
 * connection, inside each round's transaction. When the lock session ends while the relay lives on
 * (its backend terminated, a network cut), that check must fail before the next batch: another
 * instance may already hold the lock and publish the same aggregates.
 */
class LeaderSessionTest {
    private static final String LOCK = "orderflow.outbox.relay";

    @Test
    void leaderWhoseLockSessionEndedFailsTheCheckBeforeItsNextBatch() throws SQLException {
        TestDatabase db = TestDatabase.create();
        try (Connection lockSession = db.connections().open();
                Connection work = db.connections().open();
                Connection other = db.connections().open()) {
            work.setAutoCommit(false);
            LeaderSession leader = new LeaderSession(lockSession, LOCK);
            assertThat(leader.tryLead()).isTrue();
            assertThat(new LeaderSession(other, LOCK).tryLead()).as("a second session while the leader holds the lock").isFalse();
            assertThatNoException().isThrownBy(() -> leader.assertHeld(work));
            work.commit();

            int leaderPid = lockSession.unwrap(PGConnection.class).getBackendPID();
            query(other, "SELECT pg_terminate_backend(?)", leaderPid);
            // The standby takes the lock as soon as the dead session released it.
            await().atMost(Duration.ofSeconds(30)).until(() -> new LeaderSession(other, LOCK).tryLead());

            assertThatThrownBy(() -> leader.assertHeld(work))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no longer holds");
        }
    }

    @Test
    void lockOfAnotherNameDoesNotPassForTheLeaderLock() throws SQLException {
        TestDatabase db = TestDatabase.create();
        try (Connection lockSession = db.connections().open(); Connection work = db.connections().open()) {
            LeaderSession leader = new LeaderSession(lockSession, LOCK);
            assertThat(leader.tryLead()).isTrue();
            LeaderSession otherRelay = new LeaderSession(lockSession, "another.relay");
            assertThat(otherRelay.tryLead()).isTrue();
            query(lockSession, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", LOCK);

            assertThatThrownBy(() -> leader.assertHeld(work)).isInstanceOf(SQLException.class);
            assertThatNoException().isThrownBy(() -> otherRelay.assertHeld(work));
        }
    }

    private static void query(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as(sql).isTrue();
            }
        }
    }
}
