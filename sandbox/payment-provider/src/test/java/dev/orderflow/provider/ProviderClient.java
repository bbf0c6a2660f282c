package dev.orderflow.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client of the stub for its tests: status, content type and parsed body. */
final class ProviderClient {
    record Answer(int status, String contentType, JsonNode body, boolean replayed) {
        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    ProviderClient(String url) {
        this.url = url;
    }

    static String chargeBody(String reference, String customerId, String amount) {
        return "{\"reference\":\"" + reference + "\",\"customerId\":\"" + customerId + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\"}";
    }

    Answer charge(String key, String body) throws InterruptedException {
        return charge(key, body, Duration.ofSeconds(30));
    }

    /** @throws java.net.http.HttpTimeoutException (wrapped) when no answer comes within {@code timeout} */
    Answer charge(String key, String body, Duration timeout) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/charges")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    Answer refund(String chargeId, String key) throws InterruptedException {
        return refund(chargeId, key, Duration.ofSeconds(30));
    }

    Answer refund(String chargeId, String key, Duration timeout) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/charges/" + chargeId + "/refunds"))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    Answer get(String path) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Answer putFaults(String body) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + "/v1/admin/faults")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Every ledger row (charges and refunds) whose reference or charge belongs to {@code reference}. */
    JsonNode chargesOf(String reference) throws InterruptedException {
        return get("/v1/charges?reference=" + reference).body().get("charges");
    }

    private Answer send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), body,
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
