package dev.orderflow.messaging.ordering;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Durable storage for events that arrived too early. Rows live in {@code messaging_parked_event}. */
public final class ParkingLot {
    private static final String COLUMNS = "id, reason, detail, topic, partition, record_offset, message_key, headers::text, payload, parked_at";

    private ParkingLot() {}

    public static void park(
            Connection connection, String consumer, EventEnvelope event, InboundRecord record, ParkReason reason, String detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messaging_parked_event
                    (consumer, source, subject, sequence, event_id, reason, detail, topic, partition, record_offset,
                     message_key, headers, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (consumer, event_id) DO NOTHING""")) {
            insert.setString(1, consumer);
            insert.setString(2, event.source());
            insert.setString(3, event.subject());
            insert.setLong(4, event.sequence());
            insert.setObject(5, event.id());
            insert.setString(6, reason.name());
            insert.setString(7, detail);
            insert.setString(8, record.topic());
            insert.setInt(9, record.partition());
            insert.setLong(10, record.offset());
            insert.setString(11, record.key());
            insert.setString(12, JsonHeaders.write(record.headers()));
            insert.setBytes(13, record.payload());
            insert.executeUpdate();
        }
    }

    /** Parked events of one aggregate, in the order they can be applied. */
    public static List<ParkedEvent> ofSubject(Connection connection, String consumer, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM messaging_parked_event WHERE consumer = ? AND subject = ? ORDER BY source, sequence, id")) {
            select.setString(1, consumer);
            select.setString(2, subject);
            return read(select);
        }
    }

    /** Whether any event of one aggregate is parked (an index probe: no rows read). */
    public static boolean anyOf(Connection connection, String consumer, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM messaging_parked_event WHERE consumer = ? AND subject = ? LIMIT 1")) {
            select.setString(1, consumer);
            select.setString(2, subject);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static List<String> subjects(Connection connection, String consumer, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT subject FROM messaging_parked_event WHERE consumer = ? LIMIT ?")) {
            select.setString(1, consumer);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<String> subjects = new ArrayList<>();
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
                return subjects;
            }
        }
    }

    public static List<ParkedEvent> parkedBefore(Connection connection, String consumer, java.time.Duration timeout, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + """
                 FROM messaging_parked_event
                WHERE consumer = ? AND parked_at < now() - make_interval(secs => ?)
                ORDER BY id LIMIT ?""".stripLeading().indent(1))) {
            select.setString(1, consumer);
            select.setDouble(2, timeout.toMillis() / 1000.0);
            select.setInt(3, limit);
            return read(select);
        }
    }

    /** Locks a parked row for release; false when another instance holds it or it is gone. */
    public static boolean lock(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM messaging_parked_event WHERE id = ? FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void remove(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM messaging_parked_event WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    public static void stillWaiting(Connection connection, long id, String detail) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messaging_parked_event SET attempts = attempts + 1, detail = ? WHERE id = ?")) {
            update.setString(1, detail);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    public static long count(Connection connection, String consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM messaging_parked_event WHERE consumer = ?")) {
            select.setString(1, consumer);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<ParkedEvent> read(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            List<ParkedEvent> parked = new ArrayList<>();
            while (rs.next()) {
                InboundRecord record = new InboundRecord(
                        rs.getString("topic"),
                        rs.getInt("partition"),
                        rs.getLong("record_offset"),
                        rs.getString("message_key"),
                        JsonHeaders.read(rs.getString("headers")),
                        rs.getBytes("payload"));
                parked.add(new ParkedEvent(
                        rs.getLong("id"),
                        ParkReason.valueOf(rs.getString("reason")),
                        rs.getString("detail"),
                        record,
                        rs.getTimestamp("parked_at").toInstant()));
            }
            return parked;
        }
    }
}
