package dev.orderflow.inventory.domain;

/** A line that could not be reserved: {@code available} is 0 for an unknown SKU. */
public record ShortLine(String sku, int requested, int available, boolean unknownSku) {}
