package dev.orderflow.order.service;

import java.util.List;

/** The place-order use case's input, already validated for shape by the REST layer. */
public record PlaceOrder(String customerId, List<Line> lines, Address shippingAddress) {

    public record Line(String sku, int quantity) {}

    public record Address(String name, String street, String city, String postalCode, String country) {}
}
