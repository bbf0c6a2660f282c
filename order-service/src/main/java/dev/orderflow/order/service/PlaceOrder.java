package dev.orderflow.order.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The place-order use case's input, already validated for shape by the REST layer. */
public record PlaceOrder(String customerId, List<Line> lines, Address shippingAddress) {

    public record Line(String sku, int quantity) {}

    public record Address(String name, String street, String city, String postalCode, String country) {}

    /** SHA-256 of every field, length-prefixed so that no two different requests share a fingerprint. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        field(canonical, customerId);
        for (Line line : lines) {
            field(canonical, line.sku());
            field(canonical, Integer.toString(line.quantity()));
        }
        Address a = shippingAddress;
        for (String value : List.of(a.name(), a.street(), a.city(), a.postalCode(), a.country())) {
            field(canonical, value);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
