package dev.orderflow.inventory.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /inventory/{sku}}: the available quantity to set (a target, not a delta). */
public record RestockRequest(@NotNull @Min(0) @Max(1_000_000) Integer available) {}
