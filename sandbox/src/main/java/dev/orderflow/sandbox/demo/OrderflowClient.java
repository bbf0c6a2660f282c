package dev.orderflow.sandbox.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client of the services' REST APIs and the payment provider's, as any outside caller would use them. */
public final class OrderflowClient {
    // money stays exact: decimals parse as BigDecimal, not double
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Endpoints endpoints;

    /** Where each API listens. */
    public record Endpoints(String order, String inventory, String payment, String shipping, String provider) {
        /** Service name → base URL, for what every service serves (health, metrics). */
        public Map<String, String> services() {
            return Map.of("order-service", order, "inventory-service", inventory, "payment-service", payment,
                    "shipping-service", shipping);
        }

        public static Endpoints of(PlatformLayout layout) {
            return new Endpoints(layout.service("order-service").url(), layout.service("inventory-service").url(),
                    layout.service("payment-service").url(), layout.service("shipping-service").url(), layout.providerUrl());
        }
    }

    public OrderflowClient(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Reply placeOrder(String json, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.order() + "/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request, "order-service");
    }

    public Reply cancelOrder(String orderId, String reason) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.order() + "/orders/" + orderId + "/cancel?reason=" + encode(reason)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request, "order-service");
    }

    public Reply order(String orderId) {
        return get(endpoints.order() + "/orders/" + orderId, "order-service");
    }

    /** One page of {@code GET /orders}; {@code after} null for the first. */
    public Reply orders(String after, int limit) {
        return get(endpoints.order() + "/orders?limit=" + limit + (after == null ? "" : "&after=" + after), "order-service");
    }

    /** {@code PUT /inventory/{sku}}: sets the available quantity (a target, not a delta). */
    public Reply restock(String sku, int available) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.inventory() + "/inventory/" + encode(sku)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":" + available + "}"))
                .build();
        return send(request, "inventory-service");
    }

    public Reply stock(String sku) {
        return get(endpoints.inventory() + "/inventory/" + encode(sku), "inventory-service");
    }

    public Reply payment(String orderId) {
        return get(endpoints.payment() + "/payments?orderId=" + orderId, "payment-service");
    }

    public Reply shipments(String orderId) {
        return get(endpoints.shipping() + "/shipments?orderId=" + orderId, "shipping-service");
    }

    /** The payment provider's own ledger: every charge and refund it recorded. */
    public Reply ledger() {
        return get(endpoints.provider() + "/v1/ledger", "payment-provider");
    }

    /** The service's Prometheus scrape ({@code /q/metrics}), as text. */
    public String metrics(String service) {
        Reply reply = get(endpoints.services().get(service) + "/q/metrics", service);
        if (reply.status() != 200) {
            throw new IllegalStateException(service + " /q/metrics answered " + reply.status());
        }
        return reply.body().asText();
    }

    /** The service's readiness ({@code /q/health/ready}): 200 when UP, 503 when DOWN. */
    public Reply readiness(String service) {
        return get(endpoints.services().get(service) + "/q/health/ready", service);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    private Reply get(String url, String component) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(), component);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** JSON as JSON; anything else (an HTML error page from a stranger on the port) as text, to show as it is. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private Reply send(HttpRequest request, String component) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(component + " at " + request.uri() + " did not answer: "
                    // A refused connection carries no message, only its type.
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
