package dev.orderflow.messaging.ordering;

/**
 * Where one stream stands for a consumer.
 *
 * @param lastSequence the last sequence consumed (0: none yet)
 * @param lastSkipped that sequence was skipped (its type not handled here), so a twin of it may still apply
 */
public record StreamPosition(long lastSequence, boolean lastSkipped) {}
