package dev.orderflow.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an order's history: the status it reached and the event that caused it. */
@Entity
@Table(name = "order_transition")
public class OrderTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public Order order;

    /** Null for the first step (the order was placed). */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public OrderStatus to;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_sequence", nullable = false)
    public long eventSequence;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    protected OrderTransition() {}

    OrderTransition(Order order, OrderStatus from, OrderStatus to, Cause cause, Instant occurredAt) {
        this.order = order;
        this.from = from;
        this.to = to;
        this.eventId = cause.eventId();
        this.eventType = cause.eventType();
        this.eventSequence = cause.sequence();
        this.occurredAt = occurredAt;
    }

    /** The event behind a transition: its id, wire type and its producer's sequence. */
    public record Cause(UUID eventId, String eventType, long sequence) {}
}
