package dev.orderflow.provider;

/**
 * The fault knobs (see README): they apply to {@code POST} charges and refunds only, so the ledger
 * and the knobs themselves stay readable during a chaos run.
 *
 * @param latencyMs             wait before answering
 * @param errorRate             share of requests answered 503 without touching the ledger
 * @param chargeThenTimeoutRate share of requests that create a charge or refund which commit it and then never answer in time
 * @param unauthorizedRate      share of requests answered 401 (the API key refused) without touching the ledger: a
 *                              retry cannot help until someone fixes the key, so the caller must not retry it
 * @param seed                  seeds the draws, so a run reproduces
 */
public record FaultSettings(long latencyMs, double errorRate, double chargeThenTimeoutRate, double unauthorizedRate, long seed) {
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 42);

    public FaultSettings {
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("latencyMs must be 0..60000: " + latencyMs);
        }
        requireRate("errorRate", errorRate);
        requireRate("chargeThenTimeoutRate", chargeThenTimeoutRate);
        requireRate("unauthorizedRate", unauthorizedRate);
    }

    public FaultSettings(long latencyMs, double errorRate, double chargeThenTimeoutRate, long seed) {
        this(latencyMs, errorRate, chargeThenTimeoutRate, 0, seed);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
        }
    }
}
