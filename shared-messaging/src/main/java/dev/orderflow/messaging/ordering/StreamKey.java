package dev.orderflow.messaging.ordering;

/**
 * One ordered stream as a consumer sees it: each producer ({@code ce_source}) numbers its own events
 * per aggregate ({@code ce_subject}), and each consumer keeps its own position.
 */
public record StreamKey(String consumer, String source, String subject) {}
