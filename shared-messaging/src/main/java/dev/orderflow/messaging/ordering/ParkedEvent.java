package dev.orderflow.messaging.ordering;

import dev.orderflow.messaging.envelope.InboundRecord;
import java.time.Instant;

public record ParkedEvent(long id, ParkReason reason, String detail, InboundRecord record, Instant parkedAt) {}
