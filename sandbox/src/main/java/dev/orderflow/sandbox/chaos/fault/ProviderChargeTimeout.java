package dev.orderflow.sandbox.chaos.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The payment provider charges (the money moves, the ledger has it) and then does not answer in
 * time, for a share of requests: the payment service cannot know whether it captured. Set through
 * the provider's {@code /v1/admin/faults}; heal turns the knob back to 0.
 *
 * <p>Heal first waits (at most {@link #UNTIL_HIT}) until the fault has cut at least one charge or
 * refund: when the saga is slow, a few seconds can pass with no payment at all, and a fault that hit
 * nothing shows neither the pattern nor the naive damage.
 */
final class ProviderChargeTimeout extends BaseFault {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration UNTIL_HIT = Duration.ofSeconds(20);
    private final String providerUrl;
    private final double rate;
    private final long seed;
    private long injectedBefore;

    ProviderChargeTimeout(String providerUrl, double rate, long seed) {
        super(FaultType.PROVIDER_CHARGE_TIMEOUT, "payment-provider");
        this.providerUrl = providerUrl;
        this.rate = rate;
        this.seed = seed;
    }

    @Override
    void start() {
        injectedBefore = injected(providerUrl);
        put(String.format(Locale.ROOT, "{\"chargeThenTimeoutRate\": %s, \"seed\": %d}", rate, seed));
        detail(String.format(Locale.ROOT, "the payment provider charges and then times out %.0f%% of charges and refunds",
                rate * 100));
    }

    @Override
    void end() {
        long deadline = System.nanoTime() + UNTIL_HIT.toNanos();
        long hit = injected(providerUrl) - injectedBefore;
        while (hit == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            hit = injected(providerUrl) - injectedBefore;
        }
        put("{\"chargeThenTimeoutRate\": 0}");
        detail(detail() + (hit == 0 ? "; cut none (no payment within " + UNTIL_HIT.toSeconds() + " s more)" : "; cut " + hit)
                + "; answers every request in time again");
    }

    /** How many charges and refunds the provider has timed out on purpose since it started. */
    static long injected(String providerUrl) {
        try {
            return JSON.readTree(settings(providerUrl)).at("/injected/chargeThenTimeouts").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("the payment provider's /v1/admin/faults answered no JSON: " + e.getMessage(), e);
        }
    }

    /** The provider's current fault knobs, as JSON. */
    static String settings(String providerUrl) {
        return send(HttpRequest.newBuilder(URI.create(providerUrl + "/v1/admin/faults")).GET(), providerUrl);
    }

    private void put(String json) {
        send(HttpRequest.newBuilder(URI.create(providerUrl + "/v1/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), providerUrl);
    }

    private static String send(HttpRequest.Builder request, String providerUrl) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the payment provider's /v1/admin/faults answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the payment provider at " + providerUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the payment provider's faults", e);
        }
    }
}
