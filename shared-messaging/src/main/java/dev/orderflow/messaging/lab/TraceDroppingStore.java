package dev.orderflow.messaging.lab;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.jdbc.JsonHeaders;
import dev.orderflow.messaging.relay.OutboxRow;
import dev.orderflow.messaging.relay.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Lab variant of trace propagation ({@code orderflow.messaging.naive.no-trace-propagation}): the
 * relay reads its rows without the {@code traceparent} stored with them, as a relay instrumented
 * only by the Kafka client would publish (its poll thread has no current trace), so every publish
 * starts a new trace and the order's trace ends at each service's outbox.
 */
public final class TraceDroppingStore extends ForwardingOutboxStore {

    public TraceDroppingStore(OutboxStore store) {
        super(store);
    }

    @Override
    public List<OutboxRow> unpublished(Connection connection, Collection<String> skipAggregates, int limit) throws SQLException {
        return super.unpublished(connection, skipAggregates, limit).stream().map(TraceDroppingStore::withoutTrace).toList();
    }

    private static OutboxRow withoutTrace(OutboxRow row) {
        Map<String, String> headers = JsonHeaders.read(row.headers());
        headers.remove(CloudEventHeaders.TRACEPARENT);
        return new OutboxRow(row.id(), row.aggregateId(), row.topic(), row.key(), row.payload(), JsonHeaders.write(headers));
    }
}
