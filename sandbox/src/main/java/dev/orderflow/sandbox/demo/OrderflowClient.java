package dev.orderflow.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client of the services' REST APIs, as any outside caller would use them. */
public final class OrderflowClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String orderServiceUrl;

    public OrderflowClient(String orderServiceUrl) {
        this.orderServiceUrl = orderServiceUrl;
    }

    public record Reply(int status, JsonNode body) {}

    public Reply placeOrder(String json, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orderServiceUrl + "/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    public Reply order(String orderId) {
        return send(HttpRequest.newBuilder(URI.create(orderServiceUrl + "/orders/" + orderId))
                .timeout(Duration.ofSeconds(30)).GET().build());
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

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("order-service at " + orderServiceUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
