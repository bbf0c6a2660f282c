package dev.orderflow.console.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The services' public REST APIs, /q/health and /q/metrics, as any client would call them
 * (plain HTTP: the console is an example of an observer, not a back door).
 */
@ApplicationScoped
public class PlatformClient {
    public static final String ORDER_SERVICE = "order-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final ConsoleConfig config;

    PlatformClient(ObjectMapper json, ConsoleConfig config) {
        this.json = json;
        this.config = config;
    }

    /** A reply: the HTTP status (0 when the service did not answer) and the body. */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public List<String> serviceNames() {
        return List.copyOf(config.services().keySet()).stream().sorted(PlatformClient::sagaOrder).toList();
    }

    private static int sagaOrder(String a, String b) {
        List<String> order = List.of("order-service", "inventory-service", "payment-service", "shipping-service");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    public String url(String service) {
        String url = config.services().get(service);
        if (url == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return url;
    }

    /**
     * Every order, newest first. order-service pages in placement order (oldest first), so the
     * console reads to the last page; at most {@code max} orders are kept (the newest).
     */
    public List<JsonNode> orders(String status, int max) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            String query = "?limit=500" + (status == null ? "" : "&status=" + status) + (after == null ? "" : "&after=" + after);
            JsonNode page = readJson(get(url(ORDER_SERVICE) + "/orders" + query));
            if (page == null) {
                break;
            }
            page.path("items").forEach(all::add);
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        List<JsonNode> newestFirst = new ArrayList<>(all.reversed());
        return newestFirst.size() > max ? newestFirst.subList(0, max) : newestFirst;
    }

    /** GET /orders/{id}: null when there is no such order (or order-service does not answer). */
    public JsonNode order(UUID orderId) {
        return readJson(get(url(ORDER_SERVICE) + "/orders/" + orderId));
    }

    public Reply placeOrder(String body) {
        return send(HttpRequest.newBuilder(URI.create(url(ORDER_SERVICE) + "/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "console-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply cancelOrder(UUID orderId) {
        return send(HttpRequest.newBuilder(URI.create(url(ORDER_SERVICE) + "/orders/" + orderId + "/cancel?reason="
                        + URLEncoder.encode("cancelled from the console", StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply readiness(String service) {
        return get(url(service) + "/q/health/ready");
    }

    public Reply metrics(String service) {
        return get(url(service) + "/q/metrics");
    }

    public Reply providerFaults() {
        return get(config.providerUrl() + "/v1/admin/faults");
    }

    public Reply setProviderFaults(String body) {
        return send(HttpRequest.newBuilder(URI.create(config.providerUrl() + "/v1/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode readJson(Reply reply) {
        return reply.ok() ? parse(reply.body()) : null;
    }

    private Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "interrupted");
        }
    }
}
