package dev.orderflow.provider;

import static dev.orderflow.provider.ProviderClient.chargeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.provider.ProviderClient.Answer;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stub over real HTTP against a real PostgreSQL ledger. */
class PaymentProviderTest {
    private static PaymentProvider provider;
    private static ProviderClient client;

    @BeforeAll
    static void start() {
        provider = PaymentProvider.start(ProviderDatabase.freshConfig());
        client = new ProviderClient(provider.url());
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @AfterEach
    void noFaults() {
        provider.setFaults(FaultSettings.NONE);
    }

    @Test
    void replayedKeyReturnsTheOriginalChargeAndNeverChargesTwice() throws Exception {
        String order = newReference();
        String body = chargeBody(order, "c-1", "12.34");

        Answer first = client.charge("order-" + order + "-capture", body);
        Answer replay = client.charge("order-" + order + "-capture", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("captured");
        assertThat(first.text("amount")).isEqualTo("12.34");
        assertThat(first.replayed()).isFalse();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.replayed()).isTrue();
        assertThat(client.chargesOf(order)).hasSize(1);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeOneChargeAndOneAnswer() throws Exception {
        String order = newReference();
        String key = "order-" + order + "-capture";
        String body = chargeBody(order, "c-1", "99.90");
        int requests = 20;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CyclicBarrier start = new CyclicBarrier(requests);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return client.charge(key, body);
                }));
            }
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get());
            }

            assertThat(results).extracting(Answer::status).containsOnly(201);
            assertThat(results).extracting(Answer::body).containsOnly(results.get(0).body());
            assertThat(results).filteredOn(a -> !a.replayed()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        JsonNode ledgerRows = client.chargesOf(order);
        assertThat(ledgerRows).hasSize(1);
        assertThat(ledgerRows.get(0).get("idempotencyKey").asText()).isEqualTo(key);
    }

    @Test
    void keyReusedForAnotherChargeIsRefusedWith422AndChargesNothingMore() throws Exception {
        String order = newReference();
        String key = "order-" + order + "-capture";
        client.charge(key, chargeBody(order, "c-1", "10.00"));

        Answer otherAmount = client.charge(key, chargeBody(order, "c-1", "10.01"));
        Answer otherCustomer = client.charge(key, chargeBody(order, "c-2", "10.00"));

        for (Answer refused : List.of(otherAmount, otherCustomer)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.text("detail")).contains(key).contains("different charge");
        }
        assertThat(client.chargesOf(order)).singleElement().satisfies(c -> assertThat(c.get("amount").asText()).isEqualTo("10.00"));
    }

    @Test
    void customerMarkedDeclineIsDeclinedRecordedAndReplayedAsDeclined() throws Exception {
        String order = newReference();
        String body = chargeBody(order, "decline-me", "10.00");

        Answer declined = client.charge("k-" + order, body);
        Answer replay = client.charge("k-" + order, body);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.text("status")).isEqualTo("declined");
        assertThat(declined.text("reason")).isEqualTo("DECLINED");
        assertThat(replay.status()).isEqualTo(402);
        assertThat(replay.body()).isEqualTo(declined.body());
        assertThat(client.chargesOf(order)).singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("declined"));
    }

    @Test
    void amountOverTheLimitIsDeclinedButTheLimitItselfIsCaptured() throws Exception {
        String over = newReference();
        String atLimit = newReference();

        Answer declined = client.charge("k-" + over, chargeBody(over, "c-1", "1000.01"));
        Answer captured = client.charge("k-" + atLimit, chargeBody(atLimit, "c-1", "1000.00"));

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.text("reason")).isEqualTo("AMOUNT_OVER_LIMIT");
        assertThat(captured.status()).isEqualTo(201);
        assertThat(captured.text("status")).isEqualTo("captured");
    }

    @Test
    void chargeIsRefundedAtMostOnce() throws Exception {
        String order = newReference();
        String chargeId = client.charge("k-" + order, chargeBody(order, "c-1", "25.00")).text("chargeId");

        Answer refund = client.refund(chargeId, "order-" + order + "-refund");
        Answer replay = client.refund(chargeId, "order-" + order + "-refund");
        Answer otherKey = client.refund(chargeId, "another-key-" + order);

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.text("amount")).isEqualTo("25.00");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(refund.body());
        assertThat(otherKey.status()).isEqualTo(409);
        assertThat(otherKey.text("detail")).contains("already refunded");
        assertThat(client.chargesOf(order)).singleElement()
                .satisfies(c -> assertThat(c.get("refund").get("refundId").asText()).isEqualTo(refund.text("refundId")));
        assertThat(refundsOf(chargeId)).hasSize(1);
    }

    @Test
    void refundOfADeclinedOrUnknownChargeIsRefused() throws Exception {
        String order = newReference();
        String declined = client.charge("k-" + order, chargeBody(order, "decline-x", "5.00")).text("chargeId");

        Answer ofDeclined = client.refund(declined, "r-" + order);
        Answer ofUnknown = client.refund("ch_unknown", "r2-" + order);
        Answer withoutKey = client.refund(declined, null);

        assertThat(ofDeclined.status()).isEqualTo(409);
        assertThat(ofDeclined.text("detail")).contains("declined");
        assertThat(ofUnknown.status()).isEqualTo(404);
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(refundsOf(declined)).isEmpty();
    }

    @Test
    void chargeThenTimeoutCommitsTheChargeAndTheSameKeyRecoversIt() throws Exception {
        provider.setFaults(new FaultSettings(0, 0, 1.0, 7));
        String order = newReference();
        String key = "order-" + order + "-capture";
        String body = chargeBody(order, "c-1", "42.00");

        assertThatThrownBy(() -> client.charge(key, body, Duration.ofSeconds(1)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        JsonNode committed = client.chargesOf(order);
        assertThat(committed).singleElement().satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("captured"));

        // The client's retry with the same key: the charge it never heard about, not a second one.
        Answer retry = client.charge(key, body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("chargeId")).isEqualTo(committed.get(0).get("chargeId").asText());
        assertThat(client.chargesOf(order)).hasSize(1);
        assertThat(client.get("/v1/admin/faults").body().at("/injected/chargeThenTimeouts").asLong()).isPositive();
    }

    @Test
    void refundThenTimeoutCommitsTheRefundAndTheSameKeyRecoversIt() throws Exception {
        String order = newReference();
        String chargeId = client.charge("k-" + order, chargeBody(order, "c-1", "19.00")).text("chargeId");
        provider.setFaults(new FaultSettings(0, 0, 1.0, 7));

        assertThatThrownBy(() -> client.refund(chargeId, "r-" + order, Duration.ofSeconds(1)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        List<JsonNode> committed = refundsOf(chargeId);
        assertThat(committed).hasSize(1);

        Answer retry = client.refund(chargeId, "r-" + order);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("refundId")).isEqualTo(committed.get(0).get("refundId").asText());
        assertThat(refundsOf(chargeId)).hasSize(1);
    }

    @Test
    void injectedUnauthorizedAnswers401AndChargesOrRefundsNothing() throws Exception {
        String charged = newReference();
        String chargeId = client.charge("k-" + charged, chargeBody(charged, "c-1", "9.00")).text("chargeId");
        provider.setFaults(new FaultSettings(0, 0, 0, 1.0, 7));
        String order = newReference();
        String body = chargeBody(order, "c-1", "8.00");

        Answer refused = client.charge("k-" + order, body);
        Answer refundRefused = client.refund(chargeId, "r-" + charged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.text("detail")).contains("API key");
        assertThat(refundRefused.status()).isEqualTo(401);
        assertThat(client.chargesOf(order)).isEmpty();
        assertThat(refundsOf(chargeId)).isEmpty();
        assertThat(client.get("/v1/admin/faults").body().at("/injected/unauthorized").asLong()).isEqualTo(2);

        provider.setFaults(FaultSettings.NONE);
        assertThat(client.charge("k-" + order, body).status()).isEqualTo(201);
        assertThat(client.chargesOf(order)).hasSize(1);
    }

    @Test
    void injectedErrorAnswers503AndChargesNothing() throws Exception {
        provider.setFaults(new FaultSettings(0, 1.0, 0, 7));
        String order = newReference();
        String body = chargeBody(order, "c-1", "8.00");

        Answer unavailable = client.charge("k-" + order, body);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.contentType()).isEqualTo("application/problem+json");
        assertThat(client.chargesOf(order)).isEmpty();

        provider.setFaults(FaultSettings.NONE);
        assertThat(client.charge("k-" + order, body).status()).isEqualTo(201);
        assertThat(client.chargesOf(order)).hasSize(1);
    }

    @Test
    void faultKnobsAreSetAndReadOverHttpAndValidated() throws Exception {
        Answer set = client.putFaults("{\"latencyMs\": 5, \"errorRate\": 0.25, \"seed\": 3}");
        Answer read = client.get("/v1/admin/faults");
        Answer invalid = client.putFaults("{\"errorRate\": 1.5}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(set.body());
        assertThat(read.body().get("latencyMs").asLong()).isEqualTo(5);
        assertThat(read.body().get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(read.body().get("chargeThenTimeoutRate").asDouble()).isZero(); // absent: unchanged
        assertThat(read.body().get("seed").asLong()).isEqualTo(3);
        assertThat(read.body().at("/injected/errors").isIntegralNumber()).isTrue();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("detail")).contains("errorRate");
        assertThat(provider.faults().errorRate()).isEqualTo(0.25);
    }

    @Test
    void sameSeedReplaysTheSameFaults() throws Exception {
        List<Integer> first = statusesWithHalfErrors(11);
        List<Integer> second = statusesWithHalfErrors(11);

        assertThat(first).isEqualTo(second).contains(201, 503);
    }

    @Test
    void badRequestsAreRefusedWith400AndAClearDetail() throws Exception {
        String order = newReference();
        record Case(String key, String body, String detail) {}
        List<Case> cases = List.of(
                new Case(null, chargeBody(order, "c-1", "1.00"), "Idempotency-Key"),
                new Case("k1", "{not json", "malformed JSON"),
                new Case("k2", "[]", "JSON object"),
                new Case("k3", "{\"customerId\":\"c\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", "reference is required"),
                new Case("k4", chargeBody(order, "c-1", "0.00"), "greater than 0.00"),
                new Case("k5", chargeBody(order, "c-1", "-1.00"), "2 places"),
                new Case("k6", chargeBody(order, "c-1", "12.3"), "2 places"),
                new Case("k7", chargeBody(order, "c-1", "abc"), "2 places"),
                new Case("k8", "{\"reference\":\"" + order + "\",\"customerId\":\"c\",\"amount\":12.34,\"currency\":\"EUR\"}",
                        "amount must be a string"),
                new Case("k9", chargeBody(order, "c-1", "1.00").replace("EUR", "eu"), "currency"));
        for (Case c : cases) {
            Answer answer = client.charge(c.key() == null ? null : c.key() + "-" + order, c.body());
            assertThat(answer.status()).as(c.body()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.text("detail")).as(c.body()).contains(c.detail());
        }
        assertThat(client.chargesOf(order)).isEmpty();
        assertThat(client.get("/v1/charges").status()).isEqualTo(400);
        assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
    }

    @Test
    void nulControlCharacterOrLoneSurrogateInAnyTextIsRefusedWith400NamingTheFieldNot503() throws Exception {
        String order = newReference();
        record Case(String key, String body, String field) {}
        List<Case> cases = List.of(
                new Case("t1", chargeBody(order, "c-\\u0000", "1.00"), "customerId"),
                new Case("t2", chargeBody(order, "c-\\u001b[31m", "1.00"), "customerId"),
                new Case("t3", chargeBody(order, "c-\\ud800", "1.00"), "customerId"),
                new Case("t4", chargeBody(order + "\\u0000", "c-1", "1.00"), "reference"));
        for (Case c : cases) {
            Answer answer = client.charge(c.key() + "-" + order, c.body());
            assertThat(answer.status()).as(c.body()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.text("detail")).as(c.body()).startsWith(c.field() + " must not contain");
        }
        assertThat(client.chargesOf(order)).isEmpty();
        Answer query = client.get("/v1/charges?reference=" + order + "%00");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.text("detail")).startsWith("query parameter reference must not contain");
    }

    @Test
    void ledgerListsEveryChargeAndRefund() throws Exception {
        String captured = newReference();
        String declined = newReference();
        String chargeId = client.charge("k-" + captured, chargeBody(captured, "c-1", "3.00")).text("chargeId");
        client.charge("k-" + declined, chargeBody(declined, "decline-1", "3.00"));
        String refundId = client.refund(chargeId, "r-" + captured).text("refundId");

        JsonNode ledger = client.get("/v1/ledger").body();

        assertThat(StreamSupport.stream(ledger.get("charges").spliterator(), false).map(c -> c.get("reference").asText()))
                .contains(captured, declined);
        assertThat(StreamSupport.stream(ledger.get("refunds").spliterator(), false).map(r -> r.get("refundId").asText()))
                .contains(refundId);
    }

    private List<Integer> statusesWithHalfErrors(long seed) throws InterruptedException {
        provider.setFaults(new FaultSettings(0, 0.5, 0, seed + 1)); // a different seed first, so the next set restarts the sequence
        provider.setFaults(new FaultSettings(0, 0.5, 0, seed));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String order = newReference();
            statuses.add(client.charge("k-" + order, chargeBody(order, "c-1", "1.00")).status());
        }
        return statuses;
    }

    private List<JsonNode> refundsOf(String chargeId) throws InterruptedException {
        JsonNode refunds = client.get("/v1/ledger").body().get("refunds");
        return StreamSupport.stream(refunds.spliterator(), false)
                .filter(r -> r.get("chargeId").asText().equals(chargeId))
                .toList();
    }

    private static String newReference() {
        return UUID.randomUUID().toString();
    }
}
