package dev.orderflow.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The place-an-order form: presets that reach every saga path, each with the request it sends.
 * The catalogue and the provider's rules are the ones the README documents.
 */
public final class OrderForm {
    private OrderForm() {}

    public record Product(String sku, String name, String price) {}

    public record Preset(String id, String label, String customer, String sku, int quantity, String outcome) {}

    public static final List<Product> CATALOGUE = List.of(
            new Product("KB-001", "Mechanical keyboard", "89.00"),
            new Product("MS-002", "Wireless mouse", "29.50"),
            new Product("MN-003", "27-inch monitor", "249.00"),
            new Product("HS-004", "Headset", "59.90"),
            new Product("CB-005", "USB-C cable", "9.99"),
            new Product("LS-006", "Laptop stand (3 in stock)", "39.00"));

    public static final List<Preset> PRESETS = List.of(
            new Preset("happy", "Happy path", "ada", "KB-001", 1, "SHIPPED"),
            new Preset("scarce", "Scarce stock", "ada", "LS-006", 4, "REJECTED: inventory cannot reserve 4 of 3"),
            new Preset("declined", "Declined card", "decline-ada", "HS-004", 1, "CANCELLED: the provider declines decline-* customers"),
            new Preset("over-limit", "Over the provider's limit", "ada", "MN-003", 5, "CANCELLED: 1,245.00 EUR is over the 1,000.00 limit"));

    /** The JSON body for POST /orders (values are checked by order-service, which answers 400 with a problem). */
    static String body(ObjectMapper json, String customer, String sku, int quantity) {
        ObjectNode body = json.createObjectNode().put("customerId", customer);
        body.putArray("lines").addObject().put("sku", sku).put("quantity", quantity);
        body.putObject("shippingAddress").put("name", "Ada Lovelace").put("street", "1 Analytical Way")
                .put("city", "London").put("postalCode", "N1 7AA").put("country", "GB");
        return body.toString();
    }
}
